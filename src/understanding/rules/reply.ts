// A yes or a no word, alone or followed by a correction ("不对，是11月20号"). Read on folded, rewritten text.
const YES = /^(?:对的|对|是的|是啊|是|没错|没有错|嗯+|好的|好|可以|行|确实|啱|ok|okay|yes|yeah|yep|yup|correct|right|sure|exactly)(?=$|[\s,.!?。~]|了)/;
const NO = /^(?:不对|不是|不啱|错了|不|没有|no|nope|not really|wrong|incorrect|that's wrong)(?=$|[\s,.!?。~])/;
const SHORT_ANSWER = 30;

/** A plain yes or no; null for anything longer or else. */
export function replyOf(text: string): 'yes' | 'no' | null {
  const t = text.trim();
  if (t.length > SHORT_ANSWER) return null;
  if (NO.test(t)) return 'no';
  if (YES.test(t)) return 'yes';
  return null;
}
