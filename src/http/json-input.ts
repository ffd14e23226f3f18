import { withoutLoneSurrogates } from '../well-formed.ts';

/**
 * The deepest nesting a request body may have. Every body tripcare takes is shallow (a Telegram
 * button press nests 7 deep), so 32 leaves room for what channels add, while keeping zod's
 * recursion (`z.json()`) and ours far from the stack's limit: a Direct Line `value` nested
 * 5,000 deep overflowed it.
 */
export const maxJsonDepth = 32;

export type JsonInput = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * A request body's JSON as it may go on to zod: refused when it is not JSON or nests too deeply
 * (checked on the text, before anything is built), and with NUL and lone surrogates removed
 * from every string and key, as the engine removes them from message text: PostgreSQL refuses
 * NUL, and half a surrogate pair is not text. Only the body's own size limit comes before this.
 */
export function parseJsonInput(text: string): JsonInput {
  if (nestsTooDeeply(text)) return { ok: false, problem: `nested more than ${maxJsonDepth} deep` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not valid JSON' };
  }
  return { ok: true, value: mayNeedCleaning(text) ? storable(value) : value };
}

/** Only an escape (`\u0000`, `\ud800`) or text already broken can make such strings: most bodies need no walk. */
const mayNeedCleaning = (text: string): boolean => /\\u(0000|d[89a-f])/i.test(text) || !text.isWellFormed();

/** Brackets outside strings, counted on the text; exact for JSON, and what is not JSON fails to parse anyway. */
function nestsTooDeeply(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // the escaped character cannot end the string
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxJsonDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

const storableText = (s: string): string => withoutLoneSurrogates(s).replaceAll('\u0000', '');

/** Recursion is safe here: the depth was checked. `fromEntries` keeps a `__proto__` key a plain key. */
function storable(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storable);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storable(v)]));
  return value;
}
