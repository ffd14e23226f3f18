import { confusionTable } from '../understanding/accuracy.ts';
import type { AccuracyReport, ValueScore } from '../understanding/accuracy.ts';
import { categories, flags } from '../taxonomy.ts';

export interface Scored {
  name: string;
  report: AccuracyReport;
}

const share = (n: number | null): string => (n === null ? '-' : n.toFixed(3));
const precisionRecall = (s: ValueScore): string => `${share(s.precision)}/${share(s.recall)}`;

/** Accuracy per label, one column per understanding, then each one's category confusion table. */
export function evalReport(scored: readonly Scored[]): string {
  const rows: [string, (r: AccuracyReport) => string][] = [
    ['language', (r) => share(r.language)],
    ['category', (r) => share(r.category)],
    ['severity', (r) => share(r.severity)],
    ['also (p/r)', (r) => precisionRecall(r.also)],
    ...flags.map((f): [string, (r: AccuracyReport) => string] => [`flag ${f} (p/r)`, (r) => precisionRecall(r.flags[f])]),
    ...categories.map((c): [string, (r: AccuracyReport) => string] => [`category ${c} (p/r)`, (r) => precisionRecall(r.byCategory[c])]),
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 2;
  const columnWidth = 14;
  const line = (label: string, cells: string[]) => label.padEnd(labelWidth) + cells.map((c) => c.padStart(columnWidth)).join('');
  const total = scored[0]?.report.total ?? 0;
  const out = [
    `${total} labelled messages; accuracy, or precision/recall`,
    line('', scored.map((s) => s.name)),
    ...rows.map(([label, of]) => line(label, scored.map((s) => of(s.report)))),
  ];
  for (const s of scored) out.push('', `category confusion, ${s.name} (rows expected, columns predicted)`, confusionTable(s.report.categoryConfusion));
  return `${out.join('\n')}\n`;
}
