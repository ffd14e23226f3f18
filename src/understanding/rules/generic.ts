import type { Category, Problem } from '../../taxonomy.ts';
import type { Cue } from './cues.ts';

/**
 * Complaint words that mean nothing until a topic says what they are about:
 * "dirty" is a room problem next to 房间 and a hygiene problem next to 餐厅.
 * Each attaches to the nearest topic in its sentence among the categories it
 * lists, naming that category's problem (or none).
 */
export interface GenericCue {
  cues: readonly Cue[];
  attach: Partial<Record<Category, Problem | null>>;
}

const anyCategory = {
  accommodation: null, transport: null, itinerary: null, shopping: null, guide: null, meals: null,
  charges: null, booking: null, safety: null, privacy: null,
} as const;

export const genericCues: readonly GenericCue[] = [
  {
    cues: ['脏', '不干净', '污', '恶心', '卫生差', '卫生太差', '卫生好差', 'dirty', 'filthy', 'stain*', 'unclean', 'gross', 'greasy', 'smell*', '臭'],
    attach: { accommodation: 'room_dirty', meals: 'meal_hygiene', transport: null },
  },
  { cues: ['吵', '嘈', '噪', 'noisy', 'loud'], attach: { accommodation: 'noise', transport: null } },
  {
    cues: ['坏', '烂', '破', '旧', '残旧', 'broken', 'old', 'torn', 'worn'],
    attach: { accommodation: 'hotel_downgraded', transport: 'vehicle_downgraded' },
  },
  {
    cues: ['态度', '骂', '吼', '凶', '没礼貌', 'rude', 'nasty', 'disrespectful', 'insult*', 'attitude', 'shout*', 'yell*'],
    attach: { guide: 'guide_rude', transport: null, accommodation: null, meals: null },
  },
  {
    cues: [
      '太差', '很差', '好差', '真差', '超差', '极差', '垃圾', '不好', '糟糕', '差劲', '坑', '一般', '离谱', 'terrible', 'awful',
      'horrible', 'bad', 'poor', 'worst', 'meh', 'disappointing', 'not good', 'a dump',
    ],
    attach: anyCategory,
  },
  { cues: ['贵', 'expensive', 'overpriced', /triple|twice|three times/], attach: { shopping: null, charges: 'hidden_fee', meals: null } },
  {
    cues: ['太少', '很少', '好少', '有点少', '少得', '少到', '不够', '太短', '太小', '很小', '好小', '细', 'tiny', 'not enough', 'limited', 'short', 'small'],
    attach: { meals: 'meal_quality', itinerary: 'time_cut', accommodation: 'hotel_downgraded', transport: 'vehicle_downgraded' },
  },
  { cues: ['迟到', '晚到', '没来', '不来', 'late', "didn't show", 'not coming'], attach: { transport: 'delay', guide: 'guide_absent' } },
  {
    cues: ['跟合同', '合同上写', '不一样', '两回事', '跟宣传', '说好的', '货不对板', 'not what', 'advertised', 'nothing like', 'promised', 'said it was', 'supposed to'],
    attach: { accommodation: 'hotel_downgraded', transport: 'vehicle_downgraded', meals: 'meal_quality', itinerary: 'itinerary_changed', shopping: null, charges: 'hidden_fee' },
  },
  {
    cues: ['取消', '没去', '不去', 'cancel*', 'skip*'],
    attach: { itinerary: 'attraction_skipped', meals: 'meal_skipped', booking: 'departure_cancelled', transport: null },
  },
  {
    cues: [
      /等了.{0,6}(小时|个钟|钟头|半天)/, /等了?成个钟/, /wait(ed|ing)? (for )?(an? |\d+ |two |three |several )?(hours?|ages)/,
      '等了', '等到', '排队', 'waited', 'waiting', 'wait',
    ],
    attach: { transport: 'delay', itinerary: 'long_wait', accommodation: null, guide: null },
  },
  { cues: ['改了', '被改', '改成', '更改', '换成', '变成', 'changed', 'replaced', 'switched'], attach: { itinerary: 'itinerary_changed', accommodation: 'hotel_downgraded', transport: 'vehicle_downgraded', booking: null } },
  {
    cues: ['没收到', '未收到', '还没到', '没到账', '没寄', 'never arrived', 'not received', "haven't received", 'not delivered', 'nothing'],
    attach: { shopping: null, charges: 'refund_dispute', booking: 'booking_not_honoured', transport: null },
  },
  { cues: ['不见', '不在', '找不到', '联系不上', '不理', '不管', '不回', '不覆', 'ignored', "didn't help", "won't reply"], attach: { guide: 'guide_absent', transport: null } },
  { cues: ['没有', '坏了', '连不上', '断线', "doesn't work", 'not working'], attach: { accommodation: null, transport: null, meals: null } },
];
