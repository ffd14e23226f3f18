// Simple SVG charts, built node by node (no library, nothing parsed as markup): bars for the
// period's totals, lines for how each row went bucket by bucket.
/* global document */

const svgNs = 'http://www.w3.org/2000/svg';
const palette = ['#2f6fb0', '#d0571b', '#3c8d5a', '#8a4fb0', '#b7791f', '#5d7f99'];

function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

const text = (content, attrs) => {
  const node = svg('text', attrs);
  node.textContent = content;
  return node;
};

/** Horizontal bars, one per `{ label, value }`; null values are left out. */
export function barChart(items, title) {
  const shown = items.filter((item) => item.value !== null);
  const max = Math.max(1, ...shown.map((item) => item.value));
  const rowHeight = 22;
  const width = 560;
  const labelWidth = 200;
  const bars = shown.map((item, i) => {
    const y = i * rowHeight;
    const length = ((width - labelWidth - 60) * item.value) / max;
    return svg('g', {}, [
      text(item.label, { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end', class: 'chart-label' }),
      svg('rect', { x: labelWidth, y: y + 3, width: Math.max(1, length), height: rowHeight - 6, fill: palette[0] }),
      text(String(item.value), { x: labelWidth + length + 4, y: y + 15, class: 'chart-value' }),
    ]);
  });
  return svg('svg', { viewBox: `0 0 ${width} ${Math.max(rowHeight, shown.length * rowHeight)}`, role: 'img', 'aria-label': title, class: 'chart' }, bars);
}

/** One line per `{ label, values }` across `buckets`; gaps where a value is null. */
export function lineChart(buckets, series, title) {
  const width = 560;
  const height = 200;
  const pad = 30;
  const values = series.flatMap((s) => s.values).filter((v) => v !== null);
  const max = Math.max(1, ...values);
  const x = (i) => pad + (buckets.length <= 1 ? 0 : ((width - 2 * pad) * i) / (buckets.length - 1));
  const y = (v) => height - pad - ((height - 2 * pad) * v) / max;
  const lines = series.map((s, n) => {
    const points = s.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter((p) => p !== null);
    return svg('polyline', { points: points.join(' '), fill: 'none', stroke: palette[n % palette.length], 'stroke-width': 2 });
  });
  const axis = [
    svg('line', { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, stroke: '#8a94a0' }),
    text(String(max), { x: 2, y: pad, class: 'chart-value' }),
    text(buckets[0] ?? '', { x: pad, y: height - 8, class: 'chart-label' }),
    text(buckets.at(-1) ?? '', { x: width - pad, y: height - 8, 'text-anchor': 'end', class: 'chart-label' }),
  ];
  const legend = series.map((s, n) => text(s.label, { x: pad + 150 * n, y: 14, fill: palette[n % palette.length], class: 'chart-label' }));
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'chart' }, [...axis, ...lines, ...legend]);
}
