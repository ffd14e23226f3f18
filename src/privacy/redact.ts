import { detectNames, detectNumbers } from './detectors.ts';
import type { PersonalDataKind, Span } from './detectors.ts';
import { detectTitledNames } from './titled-names.ts';

export type { PersonalDataKind } from './detectors.ts';

export interface Redaction { placeholder: string; kind: PersonalDataKind; value: string }

/*
 * Text that already looks like a placeholder (`[PHONE_1]`, typed by a traveller or pasted back)
 * is escaped by one backslash after the bracket, `[\PHONE_1]`, and `restore` removes exactly one.
 * So a bare `[KIND_N]` in redacted text is always ours, and the round trip stays exact.
 * Placeholders stay plain, readable tokens, which matters when the text goes to an LLM.
 */
const placeholderLike = /\[(\\*)(PHONE|EMAIL|ID_NUMBER|PASSPORT|NAME|BANK_CARD)_(\d+)\]/g;

const escapePlaceholders = (text: string): string => text.replace(placeholderLike, (_m, slashes: string, kind: string, n: string) => `[\\${slashes}${kind}_${n}]`);

/** Every other occurrence of a found value is personal data too (a name repeated without its cue). */
function repeatedValues(text: string, spans: Span[]): Span[] {
  const repeats: Span[] = [];
  const values = new Map(spans.map((span) => [span.value, span.kind]));
  for (const [value, kind] of values) {
    // A lone surname char (我姓王) would also blank 王府井 or 行李; leave its other uses alone.
    if ([...value].length < 2) continue;
    // Latin names only as whole words, or Tom would eat into Tomorrow.
    const wholeWord = /^[A-Za-z]/.test(value);
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
      const end = at + value.length;
      if (wholeWord && (/[A-Za-z]/.test(text.charAt(at - 1)) || /[A-Za-z]/.test(text.charAt(end)))) continue;
      repeats.push({ start: at, end, kind, value });
    }
  }
  return repeats;
}

/** Earliest start wins, then the longest, then detector order; overlapping spans are dropped. */
function nonOverlapping(spans: Span[]): Span[] {
  const ordered = spans.map((span, order) => ({ span, order }))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || a.order - b.order);
  const kept: Span[] = [];
  let reached = 0;
  for (const { span } of ordered) {
    if (span.start < reached) continue;
    kept.push(span);
    reached = span.end;
  }
  return kept;
}

/**
 * Replaces personal data by placeholders like `[PHONE_1]`, numbered per kind, the same value getting the same placeholder.
 * Text that already looks like a placeholder is escaped (see above), so `restore` can undo exactly.
 */
export function redact(text: string): { text: string; found: Redaction[] } {
  const { texts, found } = redactAll([text]);
  return { text: texts[0] ?? '', found };
}

/**
 * `redact` over several texts as one: a value found in one of them is masked in all,
 * under one placeholder (a name told after 我叫 in one message, alone in the next).
 */
export function redactAll(texts: string[]): { texts: string[]; found: Redaction[] } {
  const detected = texts.map((text) => [...detectNumbers(text), ...detectNames(text), ...detectTitledNames(text)]);
  const values = detected.flatMap((spans) => nonOverlapping(spans));
  const byValue = new Map<string, Redaction>();
  const countByKind = new Map<PersonalDataKind, number>();
  const redacted = texts.map((text, i) => {
    let out = '';
    let copied = 0;
    for (const span of nonOverlapping([...(detected[i] ?? []), ...repeatedValues(text, values)])) {
      let redaction = byValue.get(span.value);
      if (!redaction) {
        const n = (countByKind.get(span.kind) ?? 0) + 1;
        countByKind.set(span.kind, n);
        redaction = { placeholder: `[${span.kind.toUpperCase()}_${n}]`, kind: span.kind, value: span.value };
        byValue.set(span.value, redaction);
      }
      out += escapePlaceholders(text.slice(copied, span.start)) + redaction.placeholder;
      copied = span.end;
    }
    return out + escapePlaceholders(text.slice(copied));
  });
  return { texts: redacted, found: [...byValue.values()] };
}

/** Puts the values back where their placeholders are (placeholders not in `found` are left alone). */
export function restore(text: string, found: Redaction[]): string {
  const values = new Map(found.map((redaction) => [redaction.placeholder, redaction.value]));
  return text.replace(placeholderLike, (match, slashes: string) =>
    slashes ? `[${match.slice(2)}` : values.get(match) ?? match);
}
