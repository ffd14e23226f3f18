import { compile, matches } from './cues.ts';
import { fold } from './normalize.ts';

// Case numbers as the register issues them (`TC-7K3M9Q`), spaces or no dash forgiven.
const CASE_NUMBER = /(?<![a-z0-9])tc[\s-]?([23456789abcdefghjkmnpqrstvwxyz]{6})(?![a-z0-9])/;
// Asking where a case stands, said briefly: a long message with these words is more likely a complaint.
const ASKS = compile([
  '进度', '进展', '查询投诉', '查投诉', '案件状态', /(投诉|案件|案子|个案|退款|赔偿|申请).{0,6}(怎么样了|处理得怎么样|到哪|有结果|有消息)/,
  'status', 'progress', 'any update*', 'any news', 'where is my case', 'where is my complaint', /what'?s happening with my (case|complaint)/,
]);
const SHORT = 30;

/** The case number quoted in a message, as issued (`TC-7K3M9Q`); null when none. */
export function caseNumberIn(text: string): string | null {
  const found = CASE_NUMBER.exec(fold(text));
  return found?.[1] ? `TC-${found[1].toUpperCase()}` : null;
}

/** Whether a short message asks how the traveller's case is going ("进度", "where is my case"). */
export function asksCaseStatus(text: string): boolean {
  const t = fold(text).trim();
  return t.length <= SHORT && matches(ASKS, t);
}
