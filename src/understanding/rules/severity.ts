import type { Category, Flag, Severity } from '../../taxonomy.ts';
import type { Money } from '../../money.ts';
import { compile, distinct, findHits, matches } from './cues.ts';
import { DID_NOT_HAPPEN, negated } from './negation.ts';

// Someone's safety or health at stake now, or travellers stranded.
const critical = compile([
  '受伤', '骨折', '流血', '头破血流', '摔伤', '晕倒', '昏迷', '休克', '抢救', '急诊', '急症室', '住院', '送医', '医院', '救护车',
  '🚑', '🏥', '🤕', /(叫|打)了?120/, '车祸', '撞车', '翻车', '溺水', '着火', '火灾', '火警', '心脏病', '失踪', '走失', '找不到人',
  '迷路', '失路', '救命', '滞留', '困在', '被困', '下不去', '落不到', '下不来', '高烧', '食物中毒', '甩团', /把我们(扔|丢|甩|留)在/,
  /(扔下|丢下)我们/, /赶.{0,4}下车/, '荒郊野外', '跟踪', /路边.{0,12}(没人管|没有人来|没人来)/, /天都黑了.{0,8}没有人/,
  'injur*', 'hurt', 'bleeding', /broken? (her|his|my|a) (leg|arm|ankle|wrist)/, 'fracture*', 'hospital', 'the er', 'emergency room',
  'ambulance', 'unconscious', 'collapsed', 'heart attack', 'crash*', 'drown*', 'fire at', /is missing|are missing|went missing|gone missing/,
  'lost on', "we're lost", 'we are lost', 'stranded', /stuck (on|at|in|up|abroad)(?! traffic)/, 'abandoned us', /left us (behind )?(at|on|in)/,
  /kicked us off/, 'anaphylactic', 'high fever', 'poisoning', 'nobody is coming', 'no one is coming', 'following me', 'please help',
  'help!', /^help\b/,
]);

// Large loss, fear, threats, harassment and other signals a human must see soon.
const high = compile([
  '威胁', '恐吓', '害怕', '好惊', '很怕', '好怕', '吓人', '吓死', '可怕', '吓坏', '差点出事', '差些出事', '追尾', '喝醉',
  '大吵大闹', '动手动脚', '毛手毛脚', '下流', '性骚扰', /半夜.{0,6}(敲门|打|电话|语音)/, '不让登机', '不给登机',
  /签证.{0,20}(没办|办不到|没下来)/, /出发前.{0,12}(取消|才说|才通知|先话)/, '欺诈', '诈骗', '骗子', '出人命',
  'threaten*', 'scared', 'terrified', 'scary', 'nearly drowned', 'nearly died', 'rear-ended', 'drunk', 'lewd',
  'inappropriately', 'at midnight', /at [1-4] ?am/, 'denied boarding', /visas?.{0,60}(weren't|not|never) issued/,
  /the day before.{0,40}(cancel|leave)/, 'fraud', 'scam',
]);

// Anger: three pieces of it (words, angry emoji, !!!) make a complaint high.
const angerWords = compile([
  '气死', '气炸', '生气爆', '太过分', '过分', '忍无可忍', '垃圾', '骗子', '欺诈', '诈骗', '黑心', '无耻', '坑人', '抢钱', '骗钱', '骗人',
  '恶心', '气愤', '愤怒', '火大', '他妈', '你妈', 'tmd', 'sb', 'cnm', 'wtf', 'scam', 'fraud', 'theft', 'disgusting', 'outrageous',
  'unacceptable', 'ridiculous', 'furious', 'worst', 'shameful', 'rip-off', 'ripped off', 'pissed',
]);
const ANGRY_EMOJI = /[😡🤬💢👿😤😠🖕]/gu;
const SHOUTING = /!{3,}/;
const ANGER_FOR_HIGH = 3;

// A suggestion, a wish, or a minor inconvenience: low unless something stronger is there.
const mild = compile([
  '建议', '希望以后', '希望能', '希望可以', '希望下次', '小建议', '提一下', '提个', '如果能', '最好能', '下次', '以后能', '以后可以',
  '可不可以', '有点', '有些', '有少少', '稍微', '不是什么大', '没什么大', '还可以接受', '都ok', '小问题', '小小', '一般', '没什么亮点',
  '没什么特别', 'suggest*', 'would be nice', 'would love', 'it would help', 'hopefully', 'hope it', 'in the future', 'next time',
  'could the', 'maybe', 'a bit', 'a little', 'slightly', 'not a big deal', 'nothing serious', 'small thing', 'minor', 'meh',
  'nothing special', 'please be more careful',
]);
// Indignation ("根本没写", "totally") outweighs a polite "建议".
const indignant = compile(['根本', '完全', '极其', '明明', '凭什么', 'totally', 'completely', 'at all', 'absolutely', 'extremely', 'incredibly']);

// Rough CNY value of one unit, only to tell a large loss from a small one.
const CNY_PER_UNIT: Record<string, number> = { CNY: 1, HKD: 0.9, TWD: 0.22, USD: 7.2, EUR: 7.8, GBP: 9.1, JPY: 0.05, THB: 0.2, AUD: 4.7, SGD: 5.3 };
const LARGE_LOSS_CNY = 5000;

export interface SeverityInput {
  /** Folded and rewritten text. */
  text: string;
  flags: readonly Flag[];
  amounts: readonly Money[];
  category: Category;
  complaint: boolean;
}

export function isCritical(text: string): boolean {
  return findHits(critical, text).some((hit) => !negated(text, hit, DID_NOT_HAPPEN));
}

export function anger(text: string): number {
  const emoji = Math.min(text.match(ANGRY_EMOJI)?.length ?? 0, 3);
  return emoji + distinct(findHits(angerWords, text)) + (SHOUTING.test(text) ? 1 : 0);
}

export function isHigh(text: string): boolean {
  return findHits(high, text).some((hit) => !negated(text, hit, DID_NOT_HAPPEN));
}

export function isMild(text: string): boolean {
  return matches(mild, text);
}

const largeLoss = (amounts: readonly Money[]): boolean =>
  amounts.some((a) => a.amount * (CNY_PER_UNIT[a.currency] ?? 0) >= LARGE_LOSS_CNY);

export function severityOf(s: SeverityInput): Severity {
  if (isCritical(s.text)) return 'critical';
  if (
    s.flags.includes('threatens_external') ||
    s.flags.includes('group') ||
    isHigh(s.text) ||
    anger(s.text) >= ANGER_FOR_HIGH ||
    largeLoss(s.amounts)
  ) {
    return 'high';
  }
  if (!s.complaint) return 'low';
  const pressing = s.flags.includes('wants_compensation') || s.flags.includes('repeat') || s.category === 'safety';
  if (isMild(s.text) && !pressing && !matches(indignant, s.text)) return 'low';
  return 'medium';
}
