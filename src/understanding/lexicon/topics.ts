import type { Category } from '../../taxonomy.ts';
import type { Cue } from '../rules/cues.ts';

/**
 * What a message talks about, not yet what went wrong: nouns of each category, a feature each.
 * Written in Mandarin and English; the text is folded and Cantonese is rewritten to Mandarin
 * before matching.
 */
export const topics: Record<Category, readonly Cue[]> = {
  accommodation: [
    '酒店', '饭店', '宾馆', '旅馆', '民宿', '客栈', '住宿', '房间', '客房', '床', '床单', '被子', '枕头', '马桶',
    '卫生间', '浴室', '浴缸', '厕所', '洗澡', '冲凉', '热水', '前台', '柜台', '大堂', '入住', '退房', '海景房',
    '房号', '隔壁', '隔离房', '窗户', '热水壶', '房门', 'hotel', 'hotels', 'motel', 'room', 'rooms', 'bed', 'beds',
    'sheets', 'pillow', 'toilet', 'bathroom', 'shower', 'lobby', 'reception', 'front desk', 'resort', 'hostel',
    'accommodation', 'hotel pool',
  ],
  transport: [
    '车', '大巴', '中巴', '小巴', '巴士', '旅游巴', '游览车', '司机', '接机', '送机', '飞机', '航班', '班机', '机场',
    '火车', '高铁', '动车', '车站', '船', '渡轮', '船班', '座位', '座椅', '开车', '接送', '车程', '高速', '行李',
    'bus', 'coach', 'minibus', 'van', 'driver', 'driving', 'flight', 'flights', 'plane', 'airport', 'train',
    'station', 'ferry', 'boat', 'transfer', 'pickup', 'pick-up', 'seat', 'seats', 'vehicle', 'car', 'taxi',
    'luggage', 'baggage', 'highway',
  ],
  itinerary: [
    '行程', '景点', '景区', '游览', '参观', '自由活动', '集合', '排队', '雪山', '古镇', '公园', '山顶', '温泉', '漂流',
    '天池', '长城', '玩', 'itinerary', 'schedule', 'attraction', 'attractions', 'sightseeing', 'sights', 'visit',
    'free time', 'excursion', 'temple', 'park', 'mountain', 'museum', 'queue', 'queued', 'meeting time', 'rafting',
  ],
  shopping: [
    '购物', '商店', '店里', '进店', '买', '卖', '推销', '玉', '茶叶', '燕窝', '乳胶', '珠宝', '特产', '土产', '商品',
    'shop', 'shops', 'shopping', 'store', 'buy', 'bought', 'buying', 'selling', 'sold', 'jade', 'jewelry', 'jewellery',
    "bird's nest", 'products',
  ],
  guide: ['导游', '领队', '地陪', '全陪', '地接', 'guide', 'guides', 'tour leader', 'tour guide'],
  meals: [
    '餐', '团餐', '早餐', '午餐', '晚餐', '晚饭', '午饭', '早饭', '饭', '菜', '吃', '食', '餐厅', '伙食', '饭菜', '碗筷',
    '食物', '份量', '分量', '餸', '饭盒', '盒饭', '餐食', '餐点', 'meal', 'meals', 'food', 'breakfast', 'lunch',
    'dinner', 'restaurant', 'dish', 'dishes', 'soup', 'chopsticks', 'portions', 'menu', 'lunches',
  ],
  charges: [
    '费', '费用', '收费', '团费', '自费', '钱', '价格', '多收', '加收', '退款', '押金', '按金', '差价', '付款', '交钱',
    '补钱', '附加费', '门票', '到账', '到帐', '退费', 'refund', 'fee', 'fees', 'charge', 'charged', 'charges',
    'price', 'money', 'paid', 'pay', 'deposit', 'cost', 'surcharge', 'supplement', 'overcharged', 'tickets',
  ],
  booking: [
    '合同', '合约', '订单', '预订', '预定', '报名', '出发', '团期', '签证', '护照', '下单', '条款', '名额', '订购',
    'contract', 'booking', 'booked', 'reservation', 'departure', 'visa', 'visas', 'passport', 'clause', 'terms',
  ],
  safety: [
    '安全', '危险', '受伤', '医院', '生病', '小偷', '扒手', '报警', '警察', '救命', 'safety', 'safe', 'danger*',
    'injur*', 'hospital', 'police', 'theft', 'sick',
  ],
  privacy: [
    '隐私', '个人信息', '个人资料', '资料', '信息', '泄露', '外泄', '骚扰', 'privacy', 'personal data', 'data',
    'personal info', 'harass*',
  ],
  // The agency's own service rather than the trip: the app, invoices, the hotline.
  other: [
    'app', '网站', '官网', '小程序', '系统', '登录', '登入', '发票', '收据', '客服电话', '热线', 'website', 'log in', 'login',
    'invoice', 'receipt', 'hotline',
  ],
};
