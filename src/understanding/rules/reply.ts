// A yes or a no word, alone or followed by a correction ("不对，是11月20号"). Read on folded, rewritten text.
const YES = /^(?:对的|对|是的|是啊|是|没错|没有错|嗯+|好的|好|可以|行|确实|啱|ok|okay|yes|yeah|yep|yup|correct|right|sure|exactly)(?=$|[\s,.!?。~]|了)/;
const NO = /^(?:不对|不是|不啱|错了|不|没有|no|nope|not really|wrong|incorrect|that's wrong)(?=$|[\s,.!?。~])/;
const SHORT_ANSWER = 30;
const UNKNOWN = /^(?:我?(?:也|真的|实在)?(?:不知道?|不清楚|不记得|记不清|忘了|不晓得|没印象|唔知|唔记得|唔清楚|没留意|没注意)|i (?:really )?(?:don'?t|do not|dont) know|not sure|no idea|dunno|idk|i (?:can'?t|cannot) remember|i forget|don'?t remember|no clue)/;
/** "No idea, we didn't pay for it separately": an answer that starts by not knowing, up to this long. */
const LONG_UNKNOWN = 120;

/** A plain yes, no, or "I don't know"; null for anything longer or else. */
export function replyOf(text: string): 'yes' | 'no' | 'unknown' | null {
  const t = text.trim();
  if (t.length <= LONG_UNKNOWN && UNKNOWN.test(t)) return 'unknown';
  if (t.length > SHORT_ANSWER) return null;
  if (NO.test(t)) return 'no';
  if (YES.test(t)) return 'yes';
  return null;
}
