import type { Cue } from '../rules/cues.ts';

/**
 * Complaint words that mean nothing without a topic: "dirty" is about a room next to 房间 and about
 * hygiene next to 餐厅. Each group is one feature; the model learns what it means beside the topics.
 */
export const genericCues: readonly (readonly Cue[])[] = [
  ['脏', '不干净', '污', '恶心', '卫生差', '卫生太差', '卫生好差', 'dirty', 'filthy', 'stain*', 'unclean', 'gross', 'greasy', 'smell*', '臭'],
  ['吵', '嘈', '噪', 'noisy', 'loud'],
  ['坏', '烂', '破', '旧', '残旧', 'broken', 'old', 'torn', 'worn'],
  ['态度', '骂', '吼', '凶', '没礼貌', 'rude', 'nasty', 'disrespectful', 'insult*', 'attitude', 'shout*', 'yell*'],
  [
      '太差', '很差', '好差', '真差', '超差', '极差', '垃圾', '不好', '糟糕', '差劲', '坑', '一般', '离谱', 'terrible', 'awful',
      'horrible', 'bad', 'poor', 'worst', 'meh', 'disappointing', 'not good', 'a dump',
    ],
  ['贵', 'expensive', 'overpriced', /triple|twice|three times/],
  ['太少', '很少', '好少', '有点少', '少得', '少到', '不够', '太短', '太小', '很小', '好小', '细', 'tiny', 'not enough', 'limited', 'short', 'small'],
  ['迟到', '晚到', '没来', '不来', 'late', "didn't show", 'not coming'],
  ['跟合同', '合同上写', '不一样', '两回事', '跟宣传', '说好的', '货不对板', 'not what', 'advertised', 'nothing like', 'promised', 'said it was', 'supposed to'],
  ['取消', '没去', '不去', 'cancel*', 'skip*'],
  [
      /等了.{0,6}(小时|个钟|钟头|半天)/, /等了?成个钟/, /wait(ed|ing)? (for )?(an? |\d+ |two |three |several )?(hours?|ages)/,
      '等了', '等到', '排队', 'waited', 'waiting', 'wait',
    ],
  ['改了', '被改', '改成', '更改', '换成', '变成', 'changed', 'replaced', 'switched'],
  ['没收到', '未收到', '还没到', '没到账', '没寄', 'never arrived', 'not received', "haven't received", 'not delivered', 'nothing'],
  ['不见', '不在', '找不到', '联系不上', '不理', '不管', '不回', '不覆', 'ignored', "didn't help", "won't reply"],
  ['没有', '坏了', '连不上', '断线', "doesn't work", 'not working'],
];
