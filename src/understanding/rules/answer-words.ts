/**
 * What a short answer's words are, for checking it against the question asked. Read on the
 * traveller's text as typed (either script, any case).
 */

const TOUR_WORDS = /团|團|游|遊|线|線|行程|套餐|自由行|tour|trip|package|cruise|\d+\s?(?:日|天|day)|\p{Lu}{2,}/iu;
const TIME_WORDS = /周|週|星期|礼拜|禮拜|月|号|號|日|天|年|晚|早|中午|下午|上午|前|刚才|剛才|最近|morning|night|evening|afternoon|week|month|day|year|ago|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday/i;
const JUST_ME = /^(?:就?我(?:自己)?一个人?|就?我(?:自己)?一個人?|只有我|就我|我自己|淨係我|just me|only me|me alone|myself|one|1)(?![\p{L}\d])/iu;
const WANT_WORDS = /^(?:(?:i|we)(?:'d| would)? (?:want|like|need|expect|ask for)|(?:i|we)'?d like|please|could you|can you|我们?(?:要|想要|希望|要求|只想)|希望|要求|想要|请|請|我哋?(?:要|想))/i;
const NONE = /^(?:none|zero|no(?:ne)?\b|not any|nothing|没有|沒有|没|沒|冇|无|無|零|0)(?![\d])/;
const ONE = /(?:(?<![a-z])(?:just|only) (?:one|that one|the one|once)|(?<![a-z])once(?![a-z])|就?(?:那|这|這)?一(?:个|個|间|間|家|次|回|处|處)|只有一)/;
const DOMESTIC = /国内|國內|境内|境內|省内|省內|大陆|大陸|内地|內地|domestic|within (?:mainland )?china|in china/i;
const OUTBOUND = /出境|出国|出國|国外|國外|境外|海外|abroad|overseas|outbound|international/i;

/** Words that can name a tour: a code, a place and a length, "the Guilin tour". */
export const namesTour = (text: string): boolean => TOUR_WORDS.test(text);
/** Words of time: "last Sunday", "上个月", "前天晚上". */
export const namesTime = (text: string): boolean => TIME_WORDS.test(text);
/** "Just me", "就我一个人". */
export const justMe = (text: string): boolean => JUST_ME.test(text.trim());
/** Words that open with what the traveller wants: "I want a call back", "希望你们…". */
export const statesWant = (text: string): boolean => WANT_WORDS.test(text.trim());
/** "None", "没有", "just that one": a small count in words, for a count question; null for none of these. */
export function smallCountIn(text: string): number | null {
  const words = text.trim().toLowerCase();
  return NONE.test(words) ? 0 : ONE.test(words) ? 1 : null;
}
/** Whether the words say the trip stayed in mainland China or went abroad; null when they say neither. */
export const tripTypeIn = (text: string): 'domestic' | 'outbound' | null =>
  DOMESTIC.test(text) ? 'domestic' : OUTBOUND.test(text) ? 'outbound' : null;
