/** Sentence spans of folded text: a complaint word belongs with the topics of its own sentence. */
const END = /[。!?;\n]|\.(?!\d)/g;

export interface Span {
  start: number;
  end: number;
}

export function sentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  END.lastIndex = 0;
  for (let m = END.exec(text); m !== null; m = END.exec(text)) {
    spans.push({ start, end: m.index + 1 });
    start = m.index + 1;
  }
  spans.push({ start, end: text.length });
  return spans;
}

export function sentenceOf(spans: readonly Span[], index: number): Span {
  return spans.find((s) => index >= s.start && index < s.end) ?? { start: 0, end: 0 };
}
