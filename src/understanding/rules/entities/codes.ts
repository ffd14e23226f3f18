import type { Masked } from './mask.ts';

// A code is letters, digits and dashes with at least one digit.
const CODE = '([a-z0-9][a-z0-9-]{2,29})';
const JOIN = '\\s*(?:是|为|:|#|is|=)?\\s*#?\\s*';

const ORDER_WORDS =
  '订单编号|订单号码|订单号|订单|单号|预订号|预定号|确认号|确认码|order(?: number| no\\.?| id| #)?|booking (?:number|no\\.?|ref(?:erence)?|id|code)|reservation (?:number|no\\.?|code)|confirmation (?:number|code|no\\.?)|ref(?:erence)? (?:number|no\\.?)';
const ORDER = new RegExp(`(?:${ORDER_WORDS})${JOIN}${CODE}`, 'g');
const HASH_ORDER = /(?<![a-z0-9])#([a-z0-9][a-z0-9-]{4,19})(?![a-z0-9])/g;

const TOUR_WORDS = '团号|团队号|团队编号|团代码|线路号|产品编号|tour (?:code|no\\.?|number|id)|group (?:code|no\\.?|number)';
const TOUR = new RegExp(`(?:${TOUR_WORDS})${JOIN}${CODE}`, 'g');
// Without a label only unmistakable shapes: GZ-2611-A, YN20261120 (flight numbers like CA1234 are too short).
const TOUR_SHAPE = /(?<![a-z0-9$-])(?!(?:rmb|hkd|usd|cny|twd|ntd|eur|gbp)\d)([a-z]{2,4}-\d{2,6}(?:-[a-z0-9]{1,4})?|[a-z]{2,4}\d{6,8})(?![a-z0-9-])/g;

// Trailing dashes are punctuation, and a code without a digit is a word.
function code(x: RegExpExecArray): string | null {
  const c = (x[1] ?? '').replace(/-+$/, '');
  return /\d/.test(c) ? c.toUpperCase() : null;
}

/** Order numbers: only after a label (订单号, order #…) or a bare #, since long digit runs may be bank cards. */
export function takeOrderNumbers(m: Masked): string[] {
  return [...m.collect(ORDER, code), ...m.collect(HASH_ORDER, code)];
}

export function takeTourCodes(m: Masked): string[] {
  return [...m.collect(TOUR, code), ...m.collect(TOUR_SHAPE, code)];
}

// Case numbers as the register issues them (`TC-7K3M9Q`), spaces or no dash forgiven.
const CASE_NUMBER = /(?<![a-z0-9])tc[\s-]?([23456789abcdefghjkmnpqrstvwxyz]{6})(?![a-z0-9])/g;

/** Case numbers quoted, as issued (`TC-7K3M9Q`). */
export function takeCaseNumbers(m: Masked): string[] {
  return m.collect(CASE_NUMBER, (x) => (x[1] ? `TC-${x[1].toUpperCase()}` : null));
}
