import type { Intent } from '../../ports/understanding.ts';
import { compile, matches } from './cues.ts';

// Words that make a message a complaint even when no category names it ("app一直登录不上").
const complaintWords = compile([
  '投诉', '不满', '失望', '差劲', '不行', '不上', '打不通', '不了', '一直', '还没', '到现在', '怎么回事', '凭什么', '什么意思',
  '搞什么', '为什么', '没收到', '未收到', '坑', '骗', '一般', '太差', '很差', '垃圾', '离谱', '过分', 'complain*', 'terrible', 'disappointed',
  'disappointing', 'unacceptable', "won't", "can't", "doesn't work", 'not working', 'always busy', 'still', 'ridiculous',
  'problem', 'issue', 'meh', 'scam', 'awful', 'horrible', 'worst',
]);

const GREETING = /^(?:你好|您好|hi|hello|hey|在吗|在不在|有人吗|有人在吗|请问有人在吗|早上好|早安|下午好|晚上好|哈喽|哈啰|喂|good (?:morning|afternoon|evening)|anyone there)(?![a-z])/;
const THANKS = compile(['谢谢', '多谢', '感谢', '谢了', 'thank*', 'thanks', 'cheers', 'appreciate it']);
// Answers to a question: a yes or no word, alone or followed by a correction ("不对，是11月20号").
const AFFIRM = /^(?:对的|对|是的|是啊|是|没错|没有错|嗯+|好的|好|可以|行|确实|啱|ok|okay|yes|yeah|yep|yup|correct|right|sure|exactly)(?=$|[\s,.!?。~]|了)/;
const DENY = /^(?:不对|不是|不啱|错了|不|没有|no|nope|not really|wrong|incorrect|that's wrong)(?=$|[\s,.!?。~])/;
const SHORT_ANSWER = 30;
// Asking what one is entitled to (权益咨询), as opposed to telling what happened.
const RIGHTS = compile([
  /(能|可以|可|应该|应当|会|有没有|有)(得到|获得|拿到|要求|拿|得)?(多少|什么|哪些|几多|啲)?(赔|补偿|退|权益|权利)/, /(怎么|如何|点样)(赔|补偿|算)/,
  /(赔|退)(多少|几多|几成|吗|唔)/, '权益', '权利', '权益咨询', 'entitled', 'my rights', 'what are my rights',
  /(can|could|would|do|will) (i|we) (get|claim|ask for) (a |any )?(refund|compensation|money back)/,
  /how much (compensation|refund|money)/, /what (compensation|refund)/,
]);
const HYPOTHETICAL = compile(['如果', '假如', '要是', '万一', '假设', '若', '咨询', '想问', 'if', 'suppose', 'in case', 'what happens']);

export function hasComplaintWords(text: string): boolean {
  return matches(complaintWords, text);
}

/** `text` is folded and rewritten; `complaint` is whether anything found a problem in it. */
export function intentOf(text: string, complaint: boolean): Intent {
  const t = text.trim();
  // "If the guide forces us to shop, what do we get?" asks; "The guide forced us, what do we get?" complains.
  if (matches(RIGHTS, t) && (!complaint || matches(HYPOTHETICAL, t))) return 'rights_question';
  if (complaint) return 'complaint';
  if (t.length <= SHORT_ANSWER && DENY.test(t)) return 'deny';
  if (t.length <= SHORT_ANSWER && AFFIRM.test(t)) return 'affirm';
  if (matches(THANKS, t)) return 'thanks';
  if (GREETING.test(t)) return 'greeting';
  return 'unknown';
}
