import { readdirSync, readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { dictionaryConverter } from '../../src/understanding/rules/dictionary-converter.ts';
import { conversions } from '../../src/understanding/rules/script.ts';

const corpus = new URL('../../corpus/', import.meta.url);
const texts = ['pool', 'test'].flatMap((split) => readdirSync(new URL(`${split}/`, corpus)).filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(new URL(`${split}/${f}`, corpus), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text)));
const edges = [
  '', 'a', '🙂😡 emoji 𠮷野家', '⿰氵青 ⿱⿰木木土 ⿲ cut short ⿰', '乾隆皇帝 乾燥 幹部 干涉 干净', '頭髮 發展 發財', '後來 皇后', '台灣 臺灣 颱風',
  '這個酒店的房間很髒，熱水也沒有', '这个酒店的房间很脏，热水也没有', '里程 裡面 裏面', '\u0000\uD800 lone surrogate',
];

describe('dictionaryConverter', () => {
  it('converts exactly as opencc-js does, for each conversion tripcare uses, on every corpus text and the edge cases', () => {
    expect(texts.length).toBeGreaterThan(5_000);
    for (const [name, groups] of Object.entries(conversions)) {
      const ours = dictionaryConverter(...groups);
      const theirs = OpenCC.ConverterFactory(...groups);
      const differing = [...texts, ...edges].filter((t) => ours(t) !== theirs(t));
      expect(differing, name).toEqual([]);
    }
  }, 120_000);
});
