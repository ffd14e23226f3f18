import * as OpenCC from 'opencc-js';
import type { DictGroup } from 'opencc-js';
import { dictionaryConverter } from './dictionary-converter.ts';

// Converters take time and memory to build, so each is built once at module load, and
// simplified → traditional once for both Taiwan and Hong Kong. (`OpenCC.Converter({ from: 'cn',
// to: 'tw' })` builds a segmenting trie of its own per target: 0.6 s and 70 MB each.)

/** opencc-js's dictionary groups from or to a script variant (`from.cn`: simplified → traditional). */
function groups(direction: 'from' | 'to', variant: string): readonly DictGroup[] {
  const found = OpenCC.Locale[direction][variant];
  if (!found) throw new Error(`opencc-js has no dictionaries ${direction} ${variant}`);
  return found;
}

/** The dictionary groups of each conversion, as opencc-js's ConverterFactory takes them. */
export const conversions = {
  toSimplified: [...groups('from', 'hk'), ...groups('from', 'tw'), ...groups('to', 'cn')],
  toTraditional: groups('from', 'cn'),
  traditionalToTaiwan: groups('to', 'tw'),
  traditionalToHongKong: groups('to', 'hk'),
};

/** Traditional (Hong Kong and Taiwan variants alike) to simplified, so one keyword table serves both scripts. */
export const toSimplified = dictionaryConverter(...conversions.toSimplified);

const toTraditional = dictionaryConverter(...conversions.toTraditional);
const traditionalToTaiwan = dictionaryConverter(...conversions.traditionalToTaiwan);
const traditionalToHongKong = dictionaryConverter(...conversions.traditionalToHongKong);

/** Simplified to traditional as written in Taiwan and in Hong Kong; a character changed by both is simplified-only. */
export const toTaiwan = (text: string): string => traditionalToTaiwan(toTraditional(text));
export const toHongKong = (text: string): string => traditionalToHongKong(toTraditional(text));

/**
 * The characters of a text that only one script writes, read in context as opencc converts whole
 * phrases (核准 is Taiwan's too): traditional-only (as Taiwan writes it, changed when simplified)
 * and simplified-only (changed for both Taiwan and Hong Kong).
 */
export function scriptOnly(text: string): { traditional: string[]; simplified: string[] } {
  const chars = [...text];
  const [cn, tw, hk] = [[...toSimplified(text)], [...toTaiwan(text)], [...toHongKong(text)]];
  return {
    traditional: chars.filter((c, i) => cn[i] !== c && tw[i] === c),
    simplified: chars.filter((c, i) => tw[i] !== c && hk[i] !== c),
  };
}
