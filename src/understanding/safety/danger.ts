import type { Danger } from '../../ports/understanding.ts';
import type { Emergency } from '../../taxonomy.ts';
import { compile, findHits, matches } from '../rules/cues.ts';
import type { Cue } from '../rules/cues.ts';
import { DID_NOT_HAPPEN, negated } from '../rules/negation.ts';

export const noDanger: Danger = { level: 'none', kind: null };

/*
 * Words of danger, broad on purpose: the net would rather ask once too often than miss someone
 * lost or hurt. Written against folded text (simplified Chinese, lower case, Cantonese rewritten).
 */
const dangerWords: Record<Emergency, readonly Cue[]> = {
  missing_person: [
    '走丢', '走失', '失踪', '失联', '联系不上', '联络不上', '打不通他', '打不通她', /找不(到|着)(人|他|她|孩子|小孩|我(妈|爸|老公|老婆|儿子|女儿|奶奶|爷爷|外婆|外公))/,
    /(人|孩子|小孩|老人|我妈|我爸|我奶奶|我爷爷|儿子|女儿).{0,4}不见了/, /(还|一直)没(有)?回来/, '迷路', 'missing', "can't find", 'cannot find',
    "couldn't find", 'wandered off', "hasn't come back", "haven't come back", 'not come back', 'not answering', "isn't answering",
    // "lost our booking" is no emergency: only a person lost is.
    /lost (my|our|a|the) (son|daughter|kid|child|boy|girl|mum|mom|mother|dad|father|husband|wife|grandma|grandpa|grandmother|grandfather|friend|baby|traveller|traveler|passenger)/,
    'got lost', 'is lost', 'are lost', "we're lost", 'no one can reach', "can't reach",
  ],
  injury: [
    '受伤', '摔', '骨折', '流血', '出血', '车祸', '撞到', '被撞', '扭伤', '崴', '烫伤', '烧伤', '咬伤', '头破', '伤口', '缝针', '断了',
    'injur*', 'hurt', 'bleeding', 'fracture*', 'broke her', 'broke his', 'broke my', 'fell', 'fallen', 'hit by', 'crash*', 'accident', 'sprain*',
    'burned', 'burnt', 'bitten', 'wound*', 'stitches',
  ],
  illness: [
    '晕倒', '晕过去', '晕了', '头晕', '昏倒', '昏迷', '昏过去', '中暑', '发烧', '发高烧', '高烧', '呕吐', '上吐下泻', '拉肚子', '腹泻', '食物中毒', '过敏', '喘不过气',
    '喘不上气', '呼吸困难', '胸口痛', '胸痛', '胸闷', '心脏', '抽搐', '休克', '不省人事', '说胡话', '神志不清', '意识不清', '脱水', '急诊', '医院', '救护车',
    /(叫|打|call).{0,2}120/, '高反', '高原反应', '血压', '胰岛素', '哮喘', '站不稳', '脸色发白', '没反应', '不舒服', '病了', '生病',
    'faint*', 'passed out', 'collapsed', 'unconscious', 'heat stroke', 'heatstroke', 'fever', 'vomit*', 'throwing up', 'diarrh*', 'food poisoning',
    'allergic', "can't breathe", 'cannot breathe', 'chest pain', 'seizure', 'dehydrat*', 'confused', 'ambulance', 'hospital', 'the er', 'a&e',
    'altitude sickness', 'insulin', 'asthma', 'blood pressure', 'unresponsive', 'sick',
  ],
  stranded: [
    '甩团', '被扔', '扔下', '扔在', '丢下', '丢在', '被困', '困在', '滞留', '回不去', '没车', '没人管', '没有人管', '没人来', '没有人来', '天黑', '半夜',
    '走不了', '锁在外面', '服务区', '荒郊', '野外', '露宿', '没地方住', '没地方睡',
    'stranded', 'stuck', 'abandoned', 'left us', 'left behind', 'no one came', 'nobody came', 'no one is coming', 'nobody is coming', 'no way back',
    'drove off', 'drove away', 'locked out', 'middle of nowhere', 'service area', 'service station', 'rest stop', 'nowhere to sleep',
  ],
  threat: [
    '打人', '动手', '威胁', '恐吓', '跟踪', '尾随', '不让走', '不让离开', '不让我们走', /扣(了|住|着)?.{0,4}(护照|证件)/, '抢劫', '被抢', '刀', '报警', /打.{0,2}110/,
    '骚扰', '性骚扰', '关在', '锁在', '非礼', '跟着我',
    'threaten*', 'following me', 'followed', "won't let us leave", "won't let us go", 'locked us', 'locked in', 'grabbed', 'attacked', 'assault*',
    'robbed', 'mugged', 'knife', 'police', 'harass*', 'groped',
  ],
  unsafe_vehicle: [
    '超速', '疲劳驾驶', '打瞌睡', '瞌睡', '睡着', '酒驾', '喝酒', '喝了酒', '玩手机', '看手机', '打电话', '刹车', '开很快', '开得很快', '开好快', '飙车', '危险驾驶',
    '逆行', '急刹', '山路', '悬崖', '翻车',
    'speeding', 'texting', 'on his phone', 'on the phone', 'drunk', 'asleep', 'nodding off', 'dozing', 'brakes', 'swerving', 'reckless*', 'mountain road',
    'cliff', 'way too fast', 'overtaking',
  ],
  other_danger: [
    '着火', '火灾', '失火', '冒烟', '地震', '台风', '洪水', '泥石流', '塌方', '滑坡', '雪崩', '踩踏', '暴雨', '被困电梯', '海啸', '爆炸', '漏气', '煤气',
    'fire', 'smoke', 'earthquake', 'typhoon', 'flood*', 'landslide', 'avalanche', 'stampede', 'crush', 'storm', 'tsunami', 'explosion', 'gas leak',
  ],
};

/*
 * The words above that are never idle talk: said of now, they earn the safety question whatever
 * the model thinks. Kept narrow, since each one asks the question on its own.
 */
const alarming = compile([
  '走丢', '走失', '失踪', '失联', '联系不上', /(还|一直)没(有)?回来/, /(人|孩子|小孩|老人|我妈|我爸).{0,4}不见了/, 'wandered off', "hasn't come back", 'is missing',
  'went missing', 'gone missing',
  '骨折', '流血', '出血', '车祸', '头破', 'bleeding', 'fracture*', 'hit by a', 'car crash',
  '晕倒', '昏迷', '休克', '不省人事', '抽搐', '喘不过气', '喘不上气', '呼吸困难', '胸痛', '神志不清', '说胡话', '救护车', '食物中毒', '中暑', '高烧',
  'passed out', 'unconscious', 'collapsed', "can't breathe", 'cannot breathe', 'chest pain', 'seizure', 'ambulance', 'heat stroke', 'heatstroke', 'food poisoning',
  '甩团', '扔下', '丢下', '被困', '困在', '滞留', '露宿', 'stranded', 'abandoned', 'left behind', 'drove off', 'nobody came', 'no one came',
  '打人', '动手', '恐吓', '跟踪', '尾随', '不让走', '抢劫', '被抢', '性骚扰', '非礼', 'following me', "won't let us leave", 'attacked', 'assault*', 'robbed',
  'mugged', 'knife', 'groped',
  '疲劳驾驶', '打瞌睡', '酒驾', '喝了酒', '飙车', '逆行', '刹车失灵', 'swerving', 'asleep at the wheel', 'nodding off', 'drunk driver', 'driver is drunk',
  'texting while driving', 'brakes failed',
  '着火', '火灾', '失火', '地震', '泥石流', '塌方', '滑坡', '雪崩', '踩踏', '海啸', '爆炸', '漏气', 'earthquake', 'landslide', 'avalanche', 'stampede',
  'tsunami', 'explosion', 'gas leak', 'wildfire', 'on fire',
]);

// Told from after the event, or from home: the danger may still be going on if the text says so.
const over = compile([
  '上个月', '上月', '上周', '上星期', '上个星期', '上礼拜', '上个礼拜', '去年', '前年', '年头', '早排', '以前', '上次', '那次', '当时', '事后', '回来后', '回来以后',
  '回国后', '回国以后', '回到家', '回家后', '已经回来', '回来了', '回国', '回想', '想起来', '后怕', /\d{1,2}月(份)?(去|的时候|那次)/,
  'last month', 'last week', 'last year', 'last summer', 'last winter', 'last spring', 'back home', 'got back', 'since we got back', 'looking back',
  'in hindsight', 'at the time', 'back then', 'earlier this year', 'the other day', 'home now', 'now home',
]);

// The danger was met: someone found, treated, recovered. This outweighs any word of time.
const resolved = compile([
  '后来找到', '找到了', '找回来', '没事了', '已经没事', '人没事', '平安', '出院', '痊愈', '好转', '恢复', '好了', '回到酒店', '回酒店了', '安全了',
  'was found', 'were found', 'found him', 'found her', 'found them', "we're fine", 'we are fine', 'is fine now', 'all fine now', 'turned out fine',
  'recovered', 'feeling better', 'all good now', 'safe now', "we're safe", 'we are safe', 'back at the hotel', "we're at the hotel",
]);

// Said from inside the event: it is going on.
const ongoing = compile([
  '还在', '仍然', '依然', '马上', '赶紧', '快点', '快来', '救命', '急', '正在', '刚刚', '刚才', '到现在', '一直没', '还没', '怎么办', '帮帮', '在线等', '小时了',
  '分钟了', '今晚', '此刻',
  'right now', 'still', 'currently', 'at the moment', 'just now', 'hurry', 'asap', 'urgent', 'help', 'what do we do', 'what should we do',
  'please come', 'tonight', 'hours now',
]);

// Who would suffer first from what only tires the rest (heat, hunger, cold, a long wait).
const vulnerable = compile([
  '老人', '老人家', '老年人', '长者', '孩子', '小孩', '小朋友', '宝宝', '婴儿', 'bb', '孕妇', '怀孕', '轮椅', '残疾', '糖尿病', '心脏病', '高血压', '奶奶', '爷爷', '外婆', '外公',
  '我妈', '我爸', '老妈', '老爸', '阿婆', '伯伯',
  'elderly', 'old man', 'old lady', 'grandma', 'grandpa', 'grandmother', 'grandfather', 'child', 'children', 'kid', 'kids', 'baby', 'toddler', 'infant',
  'pregnant', 'wheelchair', 'disabled', 'diabetic', 'my mum', 'my mom', 'my dad', 'my father', 'my mother',
]);
const hardship = compile([
  '暴晒', '太阳', '很热', '好热', '中暑', '没吃', '没饭', '没水', '饿', '渴', '很冷', '好冷', '冻', '等了', '几个小时', '没有暖气',
  'heat', 'sun', 'hot', 'hungry', 'no food', 'no water', 'thirsty', 'freezing', 'cold', 'waiting for hours', 'hours',
]);

const kindWords = Object.entries(dangerWords).map(([kind, cues]) => ({ kind: kind as Emergency, re: compile(cues) }));

/** The kind of danger the words name ("nobody was hurt" names none), the most named; null when none. */
function namedKind(text: string): Emergency | null {
  let best: { kind: Emergency; hits: number } | null = null;
  for (const { kind, re } of kindWords) {
    const hits = findHits(re, text).filter((hit) => !negated(text, hit, DID_NOT_HAPPEN)).length;
    if (hits > 0 && (best === null || hits > best.hits)) best = { kind, hits };
  }
  return best?.kind ?? null;
}

/** What the words alone say: the kind of danger they name, whether it is told as over, met, or going on, and who is at risk. */
export interface DangerSigns {
  named: Emergency | null;
  over: boolean;
  resolved: boolean;
  ongoing: boolean;
  /** Someone vulnerable in hardship (heat, hunger, cold, a long wait). */
  vulnerable: boolean;
  /** Danger named, or the vulnerable in hardship, and not told as over. */
  worded: boolean;
  /** Words that are never idle talk, not told as over: the question is asked whatever the model reads. */
  alarming: boolean;
}

/** `text` is folded and rewritten (see rules/normalize.ts and rules/rewrites.ts). */
export function dangerSigns(text: string): DangerSigns {
  const named = namedKind(text);
  const isOver = matches(over, text);
  const isResolved = matches(resolved, text);
  const isOngoing = matches(ongoing, text);
  const atRisk = matches(vulnerable, text) && matches(hardship, text);
  const past = isResolved || (isOver && !isOngoing);
  const alarm = !past && findHits(alarming, text).some((hit) => !negated(text, hit, DID_NOT_HAPPEN));
  return { named, over: isOver, resolved: isResolved, ongoing: isOngoing, vulnerable: atRisk, worded: !past && (named !== null || atRisk), alarming: alarm };
}

/** Tuned on the dev split: `certain` and `ask` on the model alone, `worded` once the words name danger too. */
export interface DangerThresholds {
  certain: number;
  ask: number;
  worded: number;
}

export interface DangerInput {
  signs: DangerSigns;
  /** The model's calibrated probability that danger is happening now. */
  now: number;
  /** The model's most likely kind of emergency. */
  modelKind: Emergency;
  thresholds: DangerThresholds;
}

/**
 * The safety net: the model's reading of danger-now, widened by words. Alarming words said of now
 * always earn the safety question; danger named and not told as over, or someone vulnerable in
 * hardship now, needs less from the model to earn it.
 */
export function assessDanger({ signs, now, modelKind, thresholds }: DangerInput): Danger {
  if (now >= thresholds.certain) return { level: 'certain', kind: modelKind };
  if (now >= thresholds.ask || signs.alarming || (signs.worded && now >= thresholds.worded)) return { level: 'ask', kind: signs.named ?? modelKind };
  return noDanger;
}
