import { afterName, compoundSurnames, latinName, surnames, trimLatinName } from './detectors.ts';
import type { Span } from './detectors.ts';

/*
 * Names told by the title after them (张伟先生, 王建国导游, 李师傅) or the one before them
 * (Mr Zhang, our guide Kevin Li), with no 我叫 or "my name is" to cue them.
 */

const titles = ['先生', '女士', '小姐', '太太', '夫人', '导游', '導遊', '领队', '領隊', '师傅', '師傅', '司机', '司機', '经理', '經理', '老师', '老師', '阿姨', '主管', '老板', '老闆', '医生', '醫生'];
const titleAfter = new RegExp(titles.join('|'), 'g');

/*
 * Words that put surname characters just before a title without being a name: places and
 * countries (黄山导游, 韩国司机), and words ending in one (中文导游, 对方司机, 行程導遊).
 * A candidate with a character in one of them is no name.
 */
const notNames = `
  导游 旅游 出游 日游 游船 游客 游览 游轮 向导 马上 馬上 任何 利用 历史 歷史 一张 一張
  全程 行程 过程 過程 回程 旅程 日程 路程 航程 课程 課程 工程 流程 计程车 計程車
  中文 英文 日文 韩文 韓文 外文 对方 對方 双方 雙方 官方 地方 我方 店方 警方
  担任 擔任 主任 责任 責任 信任 前任 新任 现任 現任 有关 有關 相关 相關 海关 海關 机关 機關
  对于 由于 关于 至于 属于 终于 位于 谢谢 謝謝 感谢 感謝 多谢 多謝
  景区 景區 地区 地區 市区 市區 小区 小區 园区 園區 社区 社區 区域 區域
  高铁 高鐵 高级 高級 高速 高端 高原 金牌 黄金 黃金 白班 白天 周末 周日 周六
  黄山 黃山 黄河 黃河 黄浦 黄果树 黃果樹 黄鹤楼 黃鶴樓 张家界 張家界 王府井 陆家嘴 陸家嘴 田子坊
  苏州 蘇州 江苏 江蘇 江西 江南 江门 江門 浙江 丽江 麗江 漓江 灕江 长江 長江 珠江 九江 镇江 鎮江 黑龙江 黑龍江
  武汉 武漢 武夷山 武当 武當 石家庄 石家莊 石林 金华 金華 金门 金門 高雄 林芝 宋城 周庄 周莊 朱家角
  秦岭 秦嶺 秦皇岛 秦皇島 沈阳 郑州 鄭州 徐州 温州 溫州 甘肃 甘肅 马祖 馬祖 唐人街 东方明珠 東方明珠
  韩国 韓國 意大利 澳大利亚 澳大利亞 奥地利 奧地利 罗马 羅馬 马来 馬來 马代 馬代 马德里 馬德里 马尼拉 馬尼拉
  长白山 長白山 香港 澳门 澳門 台湾 台灣
  吴哥 吳哥 关岛 關島 苏梅 蘇梅 金边 金邊 夏威夷 胡志明 杜拜
`.trim().split(/\s+/);

/** For each character, the words above that hold it and where: so a lookup costs a few words, not all of them. */
const wordsHolding = new Map<string, { word: string; at: number }[]>();
for (const word of notNames) {
  [...word].forEach((char, at) => wordsHolding.set(char, [...(wordsHolding.get(char) ?? []), { word, at }]));
}

const partOfWord = (text: string, index: number): boolean =>
  (wordsHolding.get(text.charAt(index)) ?? []).some(({ word, at }) => text.startsWith(word, index - at));

// Surnames that before a title are nearly always words of their own: 向 "to" (向司机反映), 钱 "money"
// (门票钱导游没退). They start a name only with a given name, and only when nothing shorter is one.
const wordsAlone = ['向', '钱', '錢'];
const chinese = /^[\u4e00-\u9fff]+$/;

/** The name of `length` characters ending at `end`, or '' when it is not one. */
function nameBefore(text: string, end: number, length: number): string {
  const start = end - length;
  const name = text.slice(start, end);
  if (start < 0 || !chinese.test(name) || [...name].some((_char, i) => partOfWord(text, start + i))) return '';
  const surnameLength = compoundSurnames.some((surname) => name.startsWith(surname)) ? 2 : surnames.includes(name.charAt(0)) ? 1 : 0;
  const given = [...name.slice(surnameLength)];
  const fits = surnameLength > 0 && given.length <= 2 && !given.some((char) => afterName.has(char));
  return fits ? name : '';
}

function chineseNames(text: string): Span[] {
  const spans: Span[] = [];
  for (const { index: end } of text.matchAll(titleAfter)) {
    // Longest first: 王建国 rather than 建国; a compound surname and two given characters make four.
    const names = [4, 3, 2, 1].map((length) => nameBefore(text, end, length)).filter(Boolean);
    const value = names.find((name) => !wordsAlone.includes(name.charAt(0))) ?? names.find((name) => name.length > 1);
    if (value) spans.push({ start: end - value.length, end, kind: 'name', value });
  }
  return spans;
}

// Title words are case-sensitive: "miss the bus" and "Dr" inside a word are not titles.
const latinTitle = String.raw`\b(?:Mr|Mrs|Ms|Miss|Dr)\.?`;
// Places a guide is labelled by ("Guide, Hanoi: …").
const places = new Set(['Bangkok', 'Hanoi', 'Hong', 'Macau', 'Macao', 'Taipei', 'Beijing', 'Shanghai', 'Guilin', 'Tokyo', 'Osaka', 'Kyoto', 'Seoul', 'Singapore', 'Bali', 'Phuket', 'Dubai', 'Paris', 'Rome', 'London']);
const latinCue = new RegExp(String.raw`(?:${latinTitle}|\b(?:[Gg]uide|[Dd]river|[Tt]our\s+[Ll]eader),?(?:\s+${latinTitle})?)\s+(?<v>${latinName})`, 'gd');

function latinNames(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(latinCue)) {
    const [start] = match.indices?.groups?.v ?? [match.index];
    const value = trimLatinName(match.groups?.v ?? '');
    if (value && !places.has(value.split(' ')[0] ?? '')) spans.push({ start, end: start + value.length, kind: 'name', value });
  }
  return spans;
}

export function detectTitledNames(text: string): Span[] {
  return [...chineseNames(text), ...latinNames(text)];
}
