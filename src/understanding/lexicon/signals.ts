import type { Cue } from '../rules/cues.ts';

/**
 * Words that signal a flag, a severity or what a message is for, in Mandarin and English against
 * folded text. They do not decide anything: the model weighs them, with everything else it reads.
 */
export const signalWords: Record<string, readonly Cue[]> = {
  'flag:wants_human': [
  '人工', '转人工', '真人', '活人', '人工客服', /(转|找|要|叫|联系|接|给我|换)(个)?(客服|经理|主管|领导|负责人)/, /(客服|经理|主管|负责人)(呢|在吗|在哪|出来)/,
  /(你们|叫你们)(的)?(经理|主管|领导|负责人)/, '有人在吗', '有没有人', /回(个)?电话给我|给我回(个)?电话/, '机器人',
  'real person', 'human', 'a person', 'live agent', 'an agent', 'manager', 'supervisor', 'speak to someone',
  'talk to someone', 'someone call me', 'call me back', 'escalate', /are you a (bot|robot)/, /is this a (bot|robot)/,
],
  'flag:wants_compensation': [
  '赔偿', '退款', '补偿', '退钱', '赔钱', '退费', '退差价', '退一半', '退还', '退回', '全额退', /退.{0,2}团费/, /怎么赔|点赔|必须赔|要赔/,
  /这(个|笔)?钱(谁出|必须退|一定要退|要退)/, '钱要全部退', /(必须|一定要|要求|马上|尽快)退/, '要退', /(再不|还不|一分没|一分都没|一分钱都没|一块都没|一蚊都未|一蚊都没有)退/,
  'refund*', 'compensat*', 'money back', 'reimburs*', 'pay us back', 'pay me back', 'price difference back', 'return it',
  /want (that|the|my|our) money/,
],
  'flag:threatens_external': [
  '12301', '12345', '12315', /打\s?1999|1999投诉/, '旅游局', '文旅局', '旅游委', '市场监管', '工商', '消协', '消费者协会', '消委会',
  '消保官', '观光局', '旅游业议会', '媒体', '传媒', '记者', '曝光', '微博', '抖音', '小红书', '朋友圈', '发到网上', '网上曝光',
  '上网曝光', '大众点评', '差评', '律师', '起诉', '告你们', '法院', '法律途径', 'lawyer', 'attorney', 'sue', 'suing',
  'court', 'legal action', 'media', 'the press', 'journalist', 'regulator', 'tourism bureau', 'tourism board', 'tourism hotline',
  'consumer association', 'consumer council', 'post online', 'post about', 'tripadvisor', 'bad review', 'one star',
  '1-star', 'social media', 'reporting this to', 'report you',
],
  'flag:group': [
  '全团', '整个团', '整团', '成团人', '全车', '一车人', '整车人', '成车人', '大家都', '所有人', '所有团友', '全部团员', '团友们',
  '全体', /我们.{0,2}团的人都/, '全团人', 'all of us', 'whole group', 'entire group', 'whole tour', 'everyone in our group',
  'everyone in the group', 'everyone on the bus', 'everybody on', 'all the passengers', 'whole bus',
],
  'flag:repeat': [
  '再次', '第二次', '第三次', /(反映|投诉|联系|催|打电话|发消息|申请|找)[^,.!?。]{0,4}[两三四几多n好]+(次|遍)/, '已经投诉', '投诉过', '之前投诉', '上次投诉', '反映过', '说过了', '没人理', '没有人理',
  '没人回', '没有人回', '没有回复', '一直没回', '没有人改', '没人改', '石沉大海', '多少次', '好几次', '几遍', 'n遍',
  /客服.{0,6}一直说/, '还是没', '打不通', /又(来)?(投诉|反映|问|找|联系|催)/, 'already complained', 'complained before', 'no one answered',
  'nobody answered', 'no response', 'no reply', 'still no', 'still waiting', 'second time', 'third time', 'several times',
  'asked twice', /(messaged|called|asked|emailed|contacted|complained|written|wrote|rejected|reported)( you| them)? (\w+ )?(\d+|two|three|four|several|many) times/,
   'nobody has gotten back', /(customer service|your staff|your agent|the agency).{0,12}keeps? saying/, "haven't heard back", 'ignored',
  'always busy', 'calling all morning', /(?<!never )(?<![a-z])again(?![a-z])/,
],
  'severity:high': [
  '威胁', '恐吓', '害怕', '好惊', '很怕', '好怕', '吓人', '吓死', '可怕', '吓坏', '差点出事', '差些出事', '追尾', '喝醉',
  '大吵大闹', '动手动脚', '毛手毛脚', '下流', '性骚扰', /半夜.{0,6}(敲门|打|电话|语音)/, '不让登机', '不给登机',
  /签证.{0,20}(没办|办不到|没下来)/, /出发前.{0,12}(取消|才说|才通知|先话)/, '欺诈', '诈骗', '骗子', '出人命',
  'threaten*', 'scared', 'terrified', 'scary', 'nearly drowned', 'nearly died', 'rear-ended', 'drunk', 'lewd',
  'inappropriately', 'at midnight', /at [1-4] ?am/, 'denied boarding', /visas?.{0,60}(weren't|not|never) issued/,
  /the day before.{0,40}(cancel|leave)/, 'fraud', 'scam',
],
  'severity:anger': [
  '气死', '气炸', '生气爆', '太过分', '过分', '忍无可忍', '垃圾', '骗子', '欺诈', '诈骗', '黑心', '无耻', '坑人', '抢钱', '骗钱', '骗人',
  '恶心', '气愤', '愤怒', '火大', '他妈', '你妈', 'tmd', 'sb', 'cnm', 'wtf', 'scam', 'fraud', 'theft', 'disgusting', 'outrageous',
  'unacceptable', 'ridiculous', 'furious', 'worst', 'shameful', 'rip-off', 'ripped off', 'pissed',
],
  'severity:mild': [
  '建议', '希望以后', '希望能', '希望可以', '希望下次', '小建议', '提一下', '提个', '如果能', '最好能', '下次', '以后能', '以后可以',
  '可不可以', '有点', '有些', '有少少', '稍微', '不是什么大', '没什么大', '还可以接受', '都ok', '小问题', '小小', '一般', '没什么亮点',
  '没什么特别', 'suggest*', 'would be nice', 'would love', 'it would help', 'hopefully', 'hope it', 'in the future', 'next time',
  'could the', 'maybe', 'a bit', 'a little', 'slightly', 'not a big deal', 'nothing serious', 'small thing', 'minor', 'meh',
  'nothing special', 'please be more careful',
],
  'intent:complaint': [
  '投诉', '不满', '失望', '差劲', '不行', '不上', '打不通', '不了', '一直', '还没', '到现在', '怎么回事', '凭什么', '什么意思',
  '搞什么', '为什么', '没收到', '未收到', '坑', '骗', '一般', '太差', '很差', '垃圾', '离谱', '过分', 'complain*', 'terrible', 'disappointed',
  'disappointing', 'unacceptable', "won't", "can't", "doesn't work", 'not working', 'always busy', 'still', 'ridiculous',
  'problem', 'issue', 'meh', 'scam', 'awful', 'horrible', 'worst',
],
  'intent:rights': [
  /(能|可以|可|应该|应当|会|有没有|有)(得到|获得|拿到|要求|拿|得)?(多少|什么|哪些|几多|啲)?(赔|补偿|退|权益|权利)/, /(怎么|如何|点样)(赔|补偿|算)/,
  /(赔|退)(多少|几多|几成|吗|唔)/, '权益', '权利', '权益咨询', 'entitled', 'my rights', 'what are my rights',
  /(can|could|would|do|will) (i|we) (get|claim|ask for) (a |any )?(refund|compensation|money back)/,
  /how much (compensation|refund|money)/, /what (compensation|refund)/,
],
  'intent:hypothetical': ['如果', '假如', '要是', '万一', '假设', '若', '咨询', '想问', 'if', 'suppose', 'in case', 'what happens'],
  'intent:thanks': ['谢谢', '多谢', '感谢', '谢了', 'thank*', 'thanks', 'cheers', 'appreciate it'],
  'intent:praise': ['表扬', '点赞', '称赞', '夸夸', '好评', '想夸', 'praise', 'compliment*', 'kudos', 'shout-out', 'shout out'],
  'intent:status': [
  '进度', '进展', '查询投诉', '查投诉', '案件状态', /(投诉|案件|案子|个案|退款|赔偿|申请).{0,6}(怎么样了|处理得怎么样|到哪|有结果|有消息)/,
  'status', 'progress', 'any update*', 'any news', 'where is my case', 'where is my complaint', /what'?s happening with my (case|complaint)/,
],
  'intent:greeting': [/^(?:你好|您好|hi|hello|hey|在吗|在不在|有人吗|有人在吗|早上好|早安|下午好|晚上好|哈喽|哈啰|喂|good (?:morning|afternoon|evening))(?![a-z])/],
  'intent:suggestion': [/^(?:我有个|我有一个|我想提个|我想提一个|提个|一个|有个)?(?:建议|意见|小建议)|^(?:suggestion|i(?:'d| would) like to suggest|i suggest|a suggestion|my suggestion|idea)(?![a-z])/],
};
