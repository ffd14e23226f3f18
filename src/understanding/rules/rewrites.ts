/**
 * Word-level rewrites applied to folded text before keyword matching, so the
 * keyword tables stay in one vocabulary: pinyin initials and web slang into
 * the Chinese words they stand for, written Cantonese into Mandarin, English
 * chat shorthand into plain English. Longer keys win over their prefixes.
 */

// Pinyin initials are only read as such inside Chinese text ("pc" in English is a computer).
const PINYIN: Record<string, string> = {
  yysy: '有一说一', gw: '购物', zf: '自费', dy: '导游', jd: '酒店', tk: '退款', pc: '赔偿', ts: '投诉',
  rg: '人工', kf: '客服', xhs: '小红书', wb: '微博', xc: '行程', jq: '景区', sj: '司机', zs: '住宿',
  bj: '保洁', bx: '保险', hz: '护照', qz: '签证', yj: '押金', tf: '退费', bc: '补偿', tq: '退钱',
};

const CHINESE: Record<string, string> = {
  // homophone typos and web slang
  到游: '导游', 倒游: '导游', 导由: '导游', 投素: '投诉', 头诉: '投诉', 陪偿: '赔偿', 赔尝: '赔偿',
  辣鸡: '垃圾', 拉圾: '垃圾', 木有: '没有', 没得: '没有', 肿么: '怎么', 神马: '什么', 灰常: '非常',
  尼玛: '你妈', 坑爹: '坑',
  // written Cantonese
  唔该: '谢谢', 唔使: '不用', 唔洗: '不用', 唔系: '不是', 冇: '没有', 唔: '不', 佢哋: '他们', 我哋: '我们', 你哋: '你们', 哋: '们', 佢: '他', 嘅: '的', 咗: '了',
  啲: '些', 喺: '在', 嚟: '来', 睇: '看', 畀: '给', 俾: '给', 揾: '找', 乜嘢: '什么', 咩: '什么',
  点解: '为什么', 边度: '哪里', 而家: '现在', 寻日: '昨天', 琴日: '昨天', 听日: '明天', 呃: '骗',
  揸车: '开车', 搞掂: '搞定', 瞓: '睡', 嬲: '生气', 返: '回', 嘢: '东西',
};

const ENGLISH: Record<string, string> = {
  pls: 'please', plz: 'please', u: 'you', ur: 'your', r: 'are', thx: 'thanks', ty: 'thanks', ppl: 'people',
  msg: 'message', msgs: 'messages', hr: 'hour', hrs: 'hours', min: 'minutes', mins: 'minutes',
  bc: 'because', cuz: 'because', coz: 'because', dont: "don't", didnt: "didn't", doesnt: "doesn't",
  isnt: "isn't", wasnt: "wasn't", werent: "weren't", havent: "haven't", hasnt: "hasn't", cant: "can't",
  couldnt: "couldn't", wouldnt: "wouldn't", wont: "won't", im: "i'm", ive: "i've", youre: "you're",
  theyre: "they're", thats: "that's", whats: "what's",
};

function table(map: Record<string, string>, wholeWords: boolean): { re: RegExp; map: Map<string, string> } {
  const keys = Object.keys(map).sort((a, b) => b.length - a.length);
  const body = keys.join('|');
  // Pinyin and English keys are whole words; a code like "tk-123" or "dy2611" is not a word.
  const source = wholeWords ? `(?<![a-z0-9$-])(?:${body})(?![a-z0-9-]|'[a-z])` : body;
  return { re: new RegExp(source, 'g'), map: new Map(Object.entries(map)) };
}

const pinyin = table(PINYIN, true);
const chinese = table(CHINESE, false);
const english = table(ENGLISH, true);

function apply(text: string, t: { re: RegExp; map: Map<string, string> }): string {
  return text.replace(t.re, (m) => t.map.get(m) ?? m);
}

const LATIN_WORDS = /[a-z]+/g;

/**
 * `folded` is the output of fold(). Pinyin initials are read in Chinese text,
 * and in text made of nothing else ("rg rg", "tk!").
 */
export function rewrite(folded: string, isChinese: boolean): string {
  const plain = apply(folded, english);
  const onlyInitials = (folded.match(LATIN_WORDS) ?? []).every((w) => pinyin.map.has(w));
  return isChinese || onlyInitials ? apply(apply(plain, pinyin), chinese) : plain;
}
