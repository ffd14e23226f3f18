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

export function hasComplaintWords(text: string): boolean {
  return matches(complaintWords, text);
}

/** `text` is folded and rewritten; `complaint` is whether anything found a problem in it. */
export function intentOf(text: string, complaint: boolean): Intent {
  const t = text.trim();
  if (complaint) return 'complaint';
  if (t.length <= SHORT_ANSWER && DENY.test(t)) return 'deny';
  if (t.length <= SHORT_ANSWER && AFFIRM.test(t)) return 'affirm';
  if (matches(THANKS, t)) return 'thanks';
  if (GREETING.test(t)) return 'greeting';
  return 'unknown';
}
