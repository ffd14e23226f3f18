import { compile, matches } from './cues.ts';

// Read on folded, rewritten text (simplified Mandarin, lower case).
const APOLOGY_ONLY = compile([
  /只(要|想要|需要|希望)?.{0,4}道歉/, /(就|只)(要|想要|希望|想).{0,16}道个?歉/, /道歉就(行|好|可以|够)/, '给个道歉', '一个道歉就', '不要赔偿', '不用赔偿', '不要钱', '不用退钱',
  /钱(我|我们)?(就)?不要了/, '不是要钱', /不要.{0,2}赔偿了/,
  /only (want|need|ask for|wanted) (an |a )?apolog/, /(just|only) want .{0,40}apologi[sz]e/, 'just an apology', 'just want an apology', 'apology is enough', 'apology will do', 'an apology is all',
  /(don'?t|do not|dont) (want|need) (the |any )?(money|compensation|refund)/, 'no need for compensation', 'no need for a refund',
]);
const COMPENSATION = compile([
  '赔偿', '补偿', '退款', '退钱', '退费', '退差价', '赔钱', '全额退', '退一半', /退.{0,2}(团费|钱|差价)/, /把.{0,6}(费|钱|差价)(给我们?)?退/, '要个说法和赔偿',
  'refund', 'compensat*', 'money back', 'reimburs*', 'pay back', 'pay us back', 'pay me back', /what (we|i) (are|am|'re|'m) owed/, /(get|want) (it|that|this|them) back/,
]);
const FIX = compile([
  '换房', '换酒店', '换车', '换导游', '重新安排', '补上', '补回', '解决', '处理好', '改好', 'fix it', 'put it right', 'sort it out', 'change the', 'move us', 'another room', 'rearrange',
]);

/** What the traveller says they want: an apology only wins over money words ("不要赔偿，只要道歉"); null for none. */
export function wantsOf(words: string): 'apology' | 'compensation' | 'fix' | null {
  if (matches(APOLOGY_ONLY, words)) return 'apology';
  if (matches(COMPENSATION, words)) return 'compensation';
  if (matches(FIX, words)) return 'fix';
  return null;
}
