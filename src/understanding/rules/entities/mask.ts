/**
 * Entities are taken one kind after another from the same text; each span
 * taken is blanked so that an ID number is not read again as an order number
 * or a phone. Blanking keeps every other index where it was.
 */
export class Masked {
  text: string;

  constructor(text: string) {
    this.text = text;
  }

  /** Runs `re` (global) over the text; every match `read` turns into a value is kept and blanked. */
  collect<T>(re: RegExp, read: (m: RegExpExecArray) => T | null): T[] {
    const found: T[] = [];
    const spans: [number, number][] = [];
    re.lastIndex = 0;
    for (let m = re.exec(this.text); m !== null; m = re.exec(this.text)) {
      if (m[0] === '') {
        re.lastIndex += 1;
        continue;
      }
      const value = read(m);
      if (value === null) continue;
      found.push(value);
      spans.push([m.index, m.index + m[0].length]);
    }
    for (const [start, end] of spans) this.text = this.text.slice(0, start) + ' '.repeat(end - start) + this.text.slice(end);
    return found;
  }
}
