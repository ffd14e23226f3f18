import type { Flag } from '../../taxonomy.ts';
import { compile, findHits } from './cues.ts';
import type { Cue } from './cues.ts';
import { DECLINING, negated, RULING_OUT } from './negation.ts';

interface FlagRule {
  flag: Flag;
  re: RegExp;
  /** A hit preceded in its clause by this negator does not count ("不需要人工"). */
  unless: RegExp | null;
}

const wantsHuman: readonly Cue[] = [
  '人工', '转人工', '真人', '活人', '人工客服', /(转|找|要|叫|联系|接|给我|换)(个)?(客服|经理|主管|领导|负责人)/, /(客服|经理|主管|负责人)(呢|在吗|在哪|出来)/,
  /(你们|叫你们)(的)?(经理|主管|领导|负责人)/, '有人在吗', '有没有人', /回(个)?电话给我|给我回(个)?电话/, '机器人',
  'real person', 'human', 'a person', 'live agent', 'an agent', 'manager', 'supervisor', 'speak to someone',
  'talk to someone', 'someone call me', 'call me back', 'escalate', /are you a (bot|robot)/, /is this a (bot|robot)/,
];

const wantsCompensation: readonly Cue[] = [
  '赔偿', '退款', '补偿', '退钱', '赔钱', '退费', '退差价', '退一半', '退还', '退回', '全额退', /退.{0,2}团费/, /怎么赔|点赔|必须赔|要赔/,
  /这(个|笔)?钱(谁出|必须退|一定要退|要退)/, '钱要全部退', /(必须|一定要|要求|马上|尽快)退/, '要退', /(再不|还不|一分没|一分都没|一分钱都没|一块都没|一蚊都未|一蚊都没有)退/,
  'refund*', 'compensat*', 'money back', 'reimburs*', 'pay us back', 'pay me back', 'price difference back', 'return it',
  /want (that|the|my|our) money/,
];

const threatensExternal: readonly Cue[] = [
  '12301', '12345', '12315', /打\s?1999|1999投诉/, '旅游局', '文旅局', '旅游委', '市场监管', '工商', '消协', '消费者协会', '消委会',
  '消保官', '观光局', '旅游业议会', '媒体', '传媒', '记者', '曝光', '微博', '抖音', '小红书', '朋友圈', '发到网上', '网上曝光',
  '上网曝光', '大众点评', '差评', '律师', '起诉', '告你们', '法院', '法律途径', 'lawyer', 'attorney', 'sue', 'suing',
  'court', 'legal action', 'media', 'the press', 'journalist', 'regulator', 'tourism bureau', 'tourism board', 'tourism hotline',
  'consumer association', 'consumer council', 'post online', 'post about', 'tripadvisor', 'bad review', 'one star',
  '1-star', 'social media', 'reporting this to', 'report you',
];

const group: readonly Cue[] = [
  '全团', '整个团', '整团', '成团人', '全车', '一车人', '整车人', '成车人', '大家都', '所有人', '所有团友', '全部团员', '团友们',
  '全体', /我们.{0,2}团的人都/, '全团人', 'all of us', 'whole group', 'entire group', 'whole tour', 'everyone in our group',
  'everyone in the group', 'everyone on the bus', 'everybody on', 'all the passengers', 'whole bus',
];

const repeat: readonly Cue[] = [
  '再次', '第二次', '第三次', /(反映|投诉|联系|催|打电话|发消息|申请|找)[^,.!?。]{0,4}[两三四几多n好]+(次|遍)/, '已经投诉', '投诉过', '之前投诉', '上次投诉', '反映过', '说过了', '没人理', '没有人理',
  '没人回', '没有人回', '没有回复', '一直没回', '没有人改', '没人改', '石沉大海', '多少次', '好几次', '几遍', 'n遍',
  /客服.{0,6}一直说/, '还是没', '打不通', /又(来)?(投诉|反映|问|找|联系|催)/, 'already complained', 'complained before', 'no one answered',
  'nobody answered', 'no response', 'no reply', 'still no', 'still waiting', 'second time', 'third time', 'several times',
  'asked twice', /(messaged|called|asked|emailed|contacted|complained|written|wrote|rejected|reported)( you| them)? (\w+ )?(\d+|two|three|four|several|many) times/,
   'nobody has gotten back', /(customer service|your staff|your agent|the agency).{0,12}keeps? saying/, "haven't heard back", 'ignored',
  'always busy', 'calling all morning', /(?<!never )(?<![a-z])again(?![a-z])/,
];

const rules: readonly FlagRule[] = [
  { flag: 'wants_human', re: compile(wantsHuman), unless: DECLINING },
  { flag: 'wants_compensation', re: compile(wantsCompensation), unless: DECLINING },
  { flag: 'threatens_external', re: compile(threatensExternal), unless: RULING_OUT },
  { flag: 'group', re: compile(group), unless: null },
  { flag: 'repeat', re: compile(repeat), unless: null },
];

// Six or more travellers is more than a household: the message speaks for a group.
const GROUP_SIZE = 6;

/** Flags of `text` (folded and rewritten); `people` is the traveller count the entities found. */
export function detectFlags(text: string, people: number | null): Flag[] {
  const found = rules
    .filter(({ re, unless }) => findHits(re, text).some((hit) => unless === null || !negated(text, hit, unless)))
    .map((r) => r.flag);
  if (people !== null && people >= GROUP_SIZE && !found.includes('group')) found.push('group');
  return found;
}
