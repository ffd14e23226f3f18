import type { Masked } from './mask.ts';
import { CHINESE_NUMBER, parseNumber } from './numbers.ts';
import { localDate } from '../../../clock/local-date.ts';

interface Found {
  at: number;
  iso: string;
}

const DAY_MS = 86_400_000;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const NUM = `(\\d{1,2}|${CHINESE_NUMBER})`;

const FULL = /(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?!\d)/g;
const MONTH_DAY = new RegExp(`(?<![\\d年])${NUM}月${NUM}[日号]`, 'g');
const DAY_MONTH_EN = new RegExp(`(?<![a-z0-9])(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${MONTH}(?:,? (\\d{4}))?(?![a-z0-9])`, 'g');
const MONTH_DAY_EN = new RegExp(`(?<![a-z0-9])${MONTH} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?(?![a-z0-9])`, 'g');
const NUMERIC = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g;
// "12-16 April", "5th to 8th October": the first day of the range.
const RANGE_EN = new RegExp(`(?<![a-z0-9])(\\d{1,2})(?:st|nd|rd|th)?\\s?(?:-|–|to|until|till)\\s?\\d{1,2}(?:st|nd|rd|th)?(?: of)? ${MONTH}(?:,? (\\d{4}))?(?![a-z0-9])`, 'g');
// "7/1出发", "3/16到3/19": month first, as Chinese writes it (a day above 12 puts the day first).
const SLASH = /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?![\d/%])/g;
// "上个月18号": the day of last month.
const LAST_MONTH_DAY = new RegExp(`(?:上个?月|last month,? (?:on )?the)\\s?${NUM}(?:[号日]|st|nd|rd|th)`, 'g');
// A day of the month alone: "15号", "十五日", "the 15th", "on the 5th". Not "15日游" (a 15-day tour) nor "3号线".
const DAY_ONLY = new RegExp(`(?<![\\d月年.\\-/第])${NUM}[号日](?![游团行晚线楼门车房床店])|(?<![a-z0-9])the (\\d{1,2})(?:st|nd|rd|th)(?![a-z0-9])`, 'g');

// Days from today. Longer words first: 大前天 before 前天, "day before yesterday" before "yesterday".
const RELATIVE_WORDS: [string, number][] = [
  ['大前天', -3], ['day before yesterday', -2], ['前天', -2], ['前日', -2], ['前晚', -2], ['昨天', -1], ['昨日', -1],
  ['昨晚', -1], ['昨夜', -1], ['寻日', -1], ['琴日', -1], ['噚日', -1], ['yesterday', -1], ['last night', -1],
  ['今天', 0], ['今日', 0], ['今早', 0], ['今晚', 0], ['今朝', 0], ['today', 0], ['tonight', 0], ['this morning', 0],
  ['this afternoon', 0], ['this evening', 0], ['明天', 1], ['明日', 1], ['听日', 1], ['tomorrow', 1], ['后天', 2],
];
const relativeOffset = new Map(RELATIVE_WORDS);
// 之前天气 is not 前天, 以后天天 is not 后天.
const RELATIVE = new RegExp(
  `(?<![之以提当几然最落a-z])(?:${RELATIVE_WORDS.map(([w]) => w).join('|')})(?![气a-z])`,
  'g',
);
const AGO = new RegExp(`(?<![\\d])(\\d{1,2}|${CHINESE_NUMBER})\\s?(?:天前|日前| days ago)`, 'g');

/** Local midnight of today in `timeZone`, as a UTC timestamp (dates here are counted in UTC days). */
const today = (now: Date, timeZone: string): number => Date.parse(localDate(now, timeZone));

function iso(y: number, m: number, d: number): string | null {
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Days ahead a date without a year may lie: a departure soon; anything later is last year's. */
const AHEAD_DAYS = 60;

/**
 * A date written without a year is the latest one on or before today, or within the next two months
 * (a complaint is about the past, a question about a departure soon): in January, "12月28日" is last
 * December; in November, "5月18号" is this May.
 */
function nearest(todayMs: number, m: number, d: number): string | null {
  const year = new Date(todayMs).getUTCFullYear();
  const candidates = [year + 1, year, year - 1]
    .map((y) => iso(y, m, d))
    .filter((s): s is string => s !== null);
  return candidates.find((c) => Date.parse(c) <= todayMs + AHEAD_DAYS * DAY_MS) ?? null;
}

const n = (s: string | undefined): number => parseNumber(s ?? '') ?? NaN;
const month = (s: string | undefined): number => MONTHS.indexOf(s ?? '') + 1;
const found = (at: number, date: string | null): Found | null => (date === null ? null : { at, iso: date });

/** The latest day `d` of a month on or before today (a complaint is about the past), or the next one if this month's is yet to come and within a week. */
function latestDay(todayMs: number, d: number): string | null {
  const date = new Date(todayMs);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const thisMonth = iso(y, m, d);
  if (thisMonth && Date.parse(thisMonth) <= todayMs + 7 * DAY_MS) return thisMonth;
  return m === 1 ? iso(y - 1, 12, d) : iso(y, m - 1, d);
}

/** Dates as ISO yyyy-mm-dd in the order written; relative words resolved against `now` in `timeZone`. */
export function takeDates(m: Masked, now: Date, timeZone: string): string[] {
  const t = today(now, timeZone);
  const withYear = (y: string | undefined, mo: number, d: number, at: number): Found | null =>
    found(at, y === undefined ? nearest(t, mo, d) : iso(Number(y), mo, d));
  const all = [
    ...m.collect(FULL, (x) => found(x.index, iso(n(x[1]), n(x[2]), n(x[3])))),
    ...m.collect(LAST_MONTH_DAY, (x) => {
      const date = new Date(t);
      const [y, mo] = date.getUTCMonth() === 0 ? [date.getUTCFullYear() - 1, 12] : [date.getUTCFullYear(), date.getUTCMonth()];
      return found(x.index, iso(y, mo, n(x[1])));
    }),
    ...m.collect(RANGE_EN, (x) => withYear(x[3], month(x[2]), n(x[1]), x.index)),
    ...m.collect(MONTH_DAY, (x) => found(x.index, nearest(t, n(x[1]), n(x[2])))),
    ...m.collect(DAY_MONTH_EN, (x) => withYear(x[3], month(x[2]), n(x[1]), x.index)),
    ...m.collect(MONTH_DAY_EN, (x) => withYear(x[3], month(x[1]), n(x[2]), x.index)),
    ...m.collect(NUMERIC, (x) => {
      // 20/11/2026 or 11/20/2026; 05/06/2026 could be either and is left alone.
      const [a, b] = [n(x[1]), n(x[2])];
      if (a > 12 === b > 12) return null;
      return found(x.index, a > 12 ? iso(n(x[3]), b, a) : iso(n(x[3]), a, b));
    }),
    ...m.collect(SLASH, (x) => {
      const [a, b] = [n(x[1]), n(x[2])];
      return a <= 12 ? found(x.index, nearest(t, a, b)) : b <= 12 ? found(x.index, nearest(t, b, a)) : null;
    }),
    ...m.collect(DAY_ONLY, (x) => {
      const d = n(x[1] ?? x[2]);
      return d >= 1 && d <= 31 ? found(x.index, latestDay(t, d)) : null;
    }),
    ...m.collect(AGO, (x) => found(x.index, new Date(t - n(x[1]) * DAY_MS).toISOString().slice(0, 10))),
    ...m.collect(RELATIVE, (x) => found(x.index, new Date(t + (relativeOffset.get(x[0]) ?? 0) * DAY_MS).toISOString().slice(0, 10))),
  ];
  all.sort((a, b) => a.at - b.at);
  return [...new Set(all.map((f) => f.iso))];
}
