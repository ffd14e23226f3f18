import { describe, expect, it } from 'vitest';
import { maxJsonDepth, parseJsonInput } from '../../src/http/json-input.ts';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('JSON from a request, before zod sees it', () => {
  it(`takes nesting up to ${maxJsonDepth} deep and refuses deeper, however deep, without building it`, () => {
    expect(parseJsonInput(nested(maxJsonDepth)).ok).toBe(true);
    expect(parseJsonInput(`{"a":${nested(maxJsonDepth - 1)}}`).ok).toBe(true);
    for (const depth of [maxJsonDepth + 1, 5_000, 1_000_000]) expect(parseJsonInput(nested(depth))).toEqual({ ok: false, problem: `nested more than ${maxJsonDepth} deep` });
    expect(parseJsonInput(`{"value":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`).ok).toBe(false);
  });

  it('counts brackets inside strings, escaped quotes included, as text', () => {
    expect(parseJsonInput(JSON.stringify({ text: `"\\${'['.repeat(100)}` }))).toEqual({ ok: true, value: { text: `"\\${'['.repeat(100)}` } });
  });

  it('refuses what is not JSON', () => {
    for (const text of ['', '{"a":', 'undefined', "{'a':1}", '{"a":1}x']) expect(parseJsonInput(text)).toEqual({ ok: false, problem: 'not valid JSON' });
  });

  it('removes NUL and lone surrogates from every string and key, keeping surrogate pairs', () => {
    const update = String.raw`{"update_id":1,"callback_query":{"id":"cb\u0000-1\ud800","from":{"id":7},"data":"\udfffyes"},"us\u0000er":["a\u0000\ud83d\ude00"]}`;
    expect(parseJsonInput(update)).toEqual({ ok: true, value: { update_id: 1, callback_query: { id: 'cb-1', from: { id: 7 }, data: 'yes' }, user: ['a😀'] } });
  });

  it('keeps a "__proto__" key a plain key when it cleans', () => {
    const parsed = parseJsonInput(String.raw`{"__proto__":{"polluted":"\u0000yes"}}`);
    expect(parsed.ok && Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
    expect(parsed.ok && Object.hasOwn(parsed.value as object, '__proto__')).toBe(true);
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
  });
});
