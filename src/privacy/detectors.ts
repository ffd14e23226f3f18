export type PersonalDataKind = 'phone' | 'email' | 'id_number' | 'passport' | 'name' | 'bank_card';

/** One piece of personal data found at `[start, end)` of the scanned text. */
export interface Span { start: number; end: number; kind: PersonalDataKind; value: string }

// Every pattern below is free of nested or overlapping quantifiers, so each runs in linear time.
// Numbers must not continue a word, an amount or another number (order numbers, ¥3000, 3,000).
const numberStart = String.raw`(?<![\w@¥￥$#+]|\d[\s.,/-]|[A-Za-z]-)`;
// A mobile number is distinctive enough to follow another number and a space (房间 1205 138…).
const mobileStart = String.raw`(?<![\w@¥￥$#+]|\d[.,]|[A-Za-z]-)`;
const wordStart = String.raw`(?<![A-Za-z0-9])`;
const wordEnd = String.raw`(?![A-Za-z0-9])`;
const phoneCue = String.raw`(?:電話|电话|手機|手机|手提|聯絡|联系|联络|phone|tel|mobile|whatsapp|call me)`;

/** Finds every match of `pattern` (flags `gd`); the span is its `v` group when it has one. */
function scan(text: string, kind: PersonalDataKind, pattern: RegExp, accept: (value: string) => boolean = () => true): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    const [start, end] = match.indices?.groups?.v ?? [match.index, match.index + match[0].length];
    const value = text.slice(start, end);
    if (accept(value)) spans.push({ start, end, kind, value });
  }
  return spans;
}

const digitsOf = (value: string): number[] => [...value.replace(/\D/g, '')].map(Number);

function passesLuhn(value: string): boolean {
  const digits = digitsOf(value).reverse();
  const sum = digits.reduce((total, digit, i) => total + (i % 2 === 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit), 0);
  return sum % 10 === 0;
}

/** GB 11643 check character; random 18-digit numbers pass only one time in eleven. */
function isResidentId(value: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return '10X98765432'[sum % 11] === value.slice(17).toUpperCase();
}

/** Taiwan national ID check digit; letters map to 10–35 in the issuing order, not the alphabet's. */
function isTaiwanId(value: string): boolean {
  const letterCode = 10 + 'ABCDEFGHJKLMNPQRSTUVXYWZIO'.indexOf(value.charAt(0));
  const weights = [8, 7, 6, 5, 4, 3, 2, 1, 1];
  const digits = digitsOf(value.slice(1));
  const sum = Math.floor(letterCode / 10) + (letterCode % 10) * 9 + weights.reduce((total, weight, i) => total + weight * (digits[i] ?? 0), 0);
  return sum % 10 === 0;
}

const patterns = {
  email: new RegExp(String.raw`(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}${wordEnd}`, 'gd'),
  residentId: new RegExp(String.raw`${wordStart}\d{17}[\dXx]${wordEnd}`, 'gd'),
  hongKongId: new RegExp(String.raw`${wordStart}[A-Z]{1,2}\d{6}\s?\([\dA]\)`, 'gd'),
  taiwanId: new RegExp(String.raw`${wordStart}[A-Z][12]\d{8}${wordEnd}`, 'gd'),
  // Passports and 港澳/台湾通行证 alike: a letter and 8 digits, or two and 7. Two letters and 8 digits
  // (YN20261120) or 6 (SH2026) are tour codes; one letter and 7 or 9 digits are order numbers or bad IDs.
  passport: new RegExp(String.raw`${wordStart}(?:[A-Z]\d{8}|[A-Z]{2}\d{7})${wordEnd}`, 'gd'),
  // After a cue any shape goes, 8-digit 台胞证 numbers too, and the old 10-digit ones with a letter in brackets.
  cuedPassport: new RegExp(String.raw`(?:护照|護照|passport|通行证|通行證|回乡证|回鄉證|台胞证|台胞證|臺胞證|permit)(?:\s?(?:no\.?|number|#|号码|號碼|号|號))?[\s:：#]{0,3}(?:is\s|是|为|為|係)?\s?(?<v>(?=[A-Z]{0,3}\d)[A-Z0-9]{6,12}(?:\([A-Z]\))?)${wordEnd}`, 'gdi'),
  bankCard: new RegExp(String.raw`${numberStart}\d(?:[ -]?\d){15,18}(?!\d)`, 'gd'),
  mainlandMobile: new RegExp(String.raw`${mobileStart}(?:(?:\+|00)86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)`, 'gd'),
  landline: new RegExp(String.raw`${numberStart}(?:\(0\d{2,3}\)\s?|0\d{2,3}[\s-]?)\d{3,4}[\s-]?\d{4}(?!\d)`, 'gd'),
  taiwanMobile: new RegExp(String.raw`${numberStart}09\d{2}[\s-]?\d{3}[\s-]?\d{3}(?!\d)`, 'gd'),
  international: new RegExp(String.raw`(?<![\w+])\+\d(?:[\s\-()]{0,2}\d){6,14}(?!\d)`, 'gd'),
  // Eight bare digits are too common (dates, amounts) to take without a cue.
  cuedHongKongMobile: new RegExp(String.raw`${phoneCue}[^\d\n]{0,6}?(?<v>(?<!\d)[5689]\d{3}[\s-]?\d{4})(?!\d)`, 'gdi'),
};

/** Personal numbers and addresses, strongest evidence first (the order breaks ties on the same span). */
export function detectNumbers(text: string): Span[] {
  return [
    ...scan(text, 'email', patterns.email),
    ...scan(text, 'id_number', patterns.residentId, isResidentId),
    ...scan(text, 'id_number', patterns.hongKongId),
    ...scan(text, 'id_number', patterns.taiwanId, isTaiwanId),
    ...scan(text, 'bank_card', patterns.bankCard, passesLuhn),
    ...scan(text, 'passport', patterns.passport),
    ...scan(text, 'passport', patterns.cuedPassport),
    ...scan(text, 'phone', patterns.mainlandMobile),
    ...scan(text, 'phone', patterns.landline),
    ...scan(text, 'phone', patterns.taiwanMobile),
    ...scan(text, 'phone', patterns.international),
    ...scan(text, 'phone', patterns.cuedHongKongMobile),
  ];
}

// Names after a cue; titled-names.ts finds those before a title (王先生, Mr Zhang).
export const surnames = '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘于余蒋蔣蔡杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯区區欧歐麦麥伍岑关關邝鄺冼温溫容傅文庄莊施翁洪游甘利';
export const compoundSurnames = ['欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '司徒', '东方', '東方', '皇甫', '令狐', '慕容', '尉迟', '尉遲'];
const titles = ['先生', '小姐', '女士', '太太', '生', '姐'];
// Words that follow 我是/我叫 without being names: roles, places of origin, verbs.
const notNames = ['游客', '遊客', '客人', '团员', '團員', '导游', '導遊', '领队', '領隊', '会员', '會員', '顾客', '顧客', '消费者', '消費者', '旅客', '乘客', '家长', '家長', '学生', '學生', '老人', '来自', '來自', '一个', '一個', '一名', '第', '了', '不', '很', '在', '想', '要', '被', '从', '從', '你', '他', '她', '我', '真', '太', '非常', '已', '因为', '因為', '这', '這', '那', '去', '来', '來', '说', '說', '和', '跟', '自己'];
// Characters that rarely belong to a given name and usually start the rest of the sentence.
export const afterName = new Set('是的在想要我你他她们們今昨从從来來去和跟与與说說也就都已还還因所这這那对對向给給请請啊呀吧呢嘛啦喔哦了过過係嘅个個住话話电電手号號到同为為于於被把让讓会會');
const latinStopWords = new Set(['The', 'This', 'That', 'And', 'But', 'We', 'My', 'Our', 'Please', 'Thanks', 'Thank', 'Hi', 'Hello', 'From', 'Here']);

const latinWord = String.raw`[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?`;
export const latinName = String.raw`${latinWord}(?: ${latinWord}){0,2}`;
const nameAfterCue = String.raw`[\s:：]{0,2}(?<v>[\u4e00-\u9fff]{1,6}|${latinName})`;
const nameCues = new RegExp(String.raw`(?<cue>我叫|我姓|我是|我係|本人|姓名|联系人|聯繫人|聯絡人|联络人|名字(?:叫|是|係)|[Mm]y\s+[Nn]ame\s+is|[Mm]y\s+name's|\b[Nn]ame\s?[:：])${nameAfterCue}`, 'gd');
const introducedFrom = new RegExp(String.raw`[Tt]his\s+is\s+(?<v>${latinName})(?=\s+from\b)`, 'gd');

export function trimLatinName(name: string): string {
  const words = name.split(' ');
  while (words.length > 1 && latinStopWords.has(words.at(-1) ?? '')) words.pop();
  return latinStopWords.has(words[0] ?? '') ? '' : words.join(' ');
}

/** Cuts a run of Chinese characters after a cue down to the name it starts with, or '' when it is not one. */
function chineseName(run: string, cue: string): string {
  const chars = [...run];
  const surnameLength = compoundSurnames.some((surname) => run.startsWith(surname)) ? 2 : 1;
  const surname = chars.slice(0, surnameLength).join('');
  if (cue === '我姓') return surname;
  if (notNames.some((word) => run.startsWith(word))) return '';
  // 我是/本人 introduce far more roles and states than names; insist on a known surname.
  const weakCue = cue === '我是' || cue === '我係' || cue === '本人';
  if (weakCue && surnameLength === 1 && !surnames.includes(surname)) return '';
  const rest = chars.slice(surnameLength).join('');
  if (titles.some((title) => rest.startsWith(title))) return surname;
  let length = Math.min(chars.length, surnameLength + 2);
  for (let i = surnameLength + 1; i < length; i++) {
    if (afterName.has(chars[i] ?? '')) length = i;
  }
  return length >= 2 ? chars.slice(0, length).join('') : '';
}

export function detectNames(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of [...text.matchAll(nameCues), ...text.matchAll(introducedFrom)]) {
    const [start] = match.indices?.groups?.v ?? [match.index];
    const run = match.groups?.v ?? '';
    const value = /^[A-Z]/.test(run) ? trimLatinName(run) : chineseName(run, match.groups?.cue ?? '');
    if (value) spans.push({ start, end: start + value.length, kind: 'name', value });
  }
  return spans;
}
