import type { Problem } from '../../taxonomy.ts';
import type { Cue } from '../rules/cues.ts';

/**
 * Words that name one problem on their own. Written in Mandarin and English
 * against folded text (simplified, lower-case, Cantonese and pinyin initials
 * already rewritten to Mandarin). Complaint words that need a topic nearby to
 * mean anything ("dirty", 太差) live in generic.ts instead.
 */
export const problemCues: Record<Exclude<Problem, 'suggestion'>, readonly Cue[]> = {
  // accommodation
  room_dirty: [
    '霉味', '发霉', '有霉', '蟑螂', '臭虫', '床虫', '污渍', '烟头', '烟味', '核突', '马桶都是黄', /床单.{0,6}(头发|脏|污|黄)/,
    /(房间|浴室|浴缸|卫生间|厕所|马桶).{0,8}(脏|臭|头发|黄|恶心|霉)/, 'moldy', 'mouldy', 'mold', 'cockroach*', 'bed bugs',
    'bedbugs', 'smelled of smoke', 'smells of smoke', /(sheets|toilet|bathroom|room|towels?).{0,20}(stain|filthy|dirty|hair|smell)/,
  ],
  no_hot_water: [
    '没有热水', '没热水', '无热水', '热水不热', '变冷水', '变冻水', '冻水', /热水.{0,6}(没有|坏|不热|停)/, 'no hot water',
    'cold shower', /hot water.{0,20}(not|n't|broken|cold)/, /water (was|is) (ice )?cold/,
  ],
  hotel_downgraded: [
    /[四五三]星.{0,8}(变|换|降|结果|只)/, '快捷酒店', '廉价酒店', '降级', '没窗户', '没有窗', /海景房.{0,10}(没|变|换|只)/, '山景房',
    '停车场的房', '看停车场', /房间.{0,4}(太小|很小|好小|细)/, '跟图片', '货不对板', '换成了没', '换房', 'downgrad*', 'budget motel*',
    'budget hotel*', 'motel*', /(4|5|four|five)[- ]stars?.{0,40}(got|instead|but)/, /sea[- ]view.{0,40}(parking|instead|but|ended)/,
    'no window', 'tiny room', 'a dump', /nothing like (the )?(photos|pictures)/, /(hotel|room).{0,30}(worse|lower|below).{0,20}contract/,
  ],
  overbooked: ['超售', '超卖', '没房', '没有房', '满房', '房间不够', 'overbook*', 'no rooms', 'fully booked', /lost our (room|reservation)/],
  noise: [
    '噪音', '隔音', '施工', 'ktv', '睡不着', '睡不了', '吵到', /吵.{0,6}(睡|凌晨|半夜|一晚)/, '开party', 'noisy', 'noise',
    "couldn't sleep", 'could not sleep', 'thin walls', 'construction',
  ],
  hotel_location: ['太偏', '偏僻', '离市区', '离市中心', /离.{0,6}(远|近一点|近一些)/, 'far from', 'closer to the', 'remote location'],
  // transport
  vehicle_downgraded: [
    /豪华(大巴|旅游巴|巴士).{0,12}(变|结果|换|来了|点知)/, '破中巴', '中巴', '小巴', '面包车', '破车', /车.{0,2}(太旧|很旧|好旧|残旧)/,
    '座位不够', /座(椅|位).{0,4}(坏|烂|破)/, /空调.{0,4}(坏|不制冷|不凉)/, '没有空调', /冷气.{0,2}(都)?没有/, 'minibus',
    'old bus', /(broken|no) (ac|air ?con)/, /seats?.{0,12}(broken|torn)/, 'not enough seats', 'luxury coach',
  ],
  breakdown: ['抛锚', '爆胎', '熄火', '车坏了', '车坏在', /车.{0,4}故障/, 'broke down', 'broken down', 'breakdown', 'flat tire', 'flat tyre'],
  delay: [
    '延误', '晚点', '误点', '晚到', /(车|接机|大巴|司机).{0,10}(没来|迟到|不来)/, /等了.{0,8}(车|接机)/, 'delayed', 'delay',
    'showed up late', "didn't show up", 'never showed', 'no-show', /(hours?|minutes) late/, /waited.{0,40}(pickup|pick-up|transfer|driver)/,
  ],
  missed_connection: [
    /(没|错过了?|误了)赶上?(飞机|航班|班机|火车|高铁|船)/, /错过.{0,6}(飞机|航班|班机|火车|高铁|船)/, '误机', '改签', /订错.{0,4}(日期|日子|时间)/,
    /missed (our|the|my) (flight|train|ferry|connection|plane)/, /(booked|bought).{0,30}wrong (day|date|time)/,
  ],
  unsafe_driving: [
    '超速', '急刹车', '疲劳驾驶', '酒驾', '刹车失灵', /开车.{0,6}(打电话|玩手机|看手机)/, /开到好快|开得太快|开很快/, '危险驾驶',
    /司机.{0,8}(喝酒|睡着|打瞌睡)/, 'speeding', 'texting while driving', /on (his|the|her) phone while driving/, 'reckless*',
    'dangerous driving', 'drunk driver', 'brakes failed',
  ],
  // itinerary
  attraction_skipped: [
    '不去了', '直接不去', '没上去', '就不去', '少去了', '跳过', /(景点|项目).{0,6}(取消|没去|砍掉|没有?玩|一个都没)/, /没(有)?去(成)?.{0,4}(景点|天池|雪山)/,
    'skipped', /didn't (go|visit|get to)/, /never (went|visited|got to)/, /cancelled (the )?\w+ (visit|tour|rafting|excursion)/,
    "didn't go up", 'barely saw', "didn't see anything",
  ],
  time_cut: [
    '时间不够', '时间太短', '时间太少', '半小时', '催着走', '被催', '走马观花', '拍个照就', '拍完照就', /只给.{0,6}(分钟|半小时|小时)/,
    /自由活动时间.{0,6}(少|短)/, /([两二三四\d])(天|日).{0,4}(在|都在)?(坐车|车上|车度)/, /days? (were )?spent on the bus/, 'rushed', 'hurried', 'not enough time', /(only|barely) (got|had|gave).{0,10}minutes/,
    /free time (was|is).{0,12}short/, 'cut short',
  ],
  itinerary_changed: [
    /行程.{0,4}(被改|改了|变了|换了|更改|调整)/, '改行程', '擅自', '临时改', /换成了?(一个)?.{0,8}(公园|景点|地方)/,
    /itinerary.{0,10}(changed|altered)/, 'changed the itinerary', 'replaced with',
  ],
  long_wait: ['干等', '等半天', '等人', /排队.{0,6}(小时|个钟|半天)/, 'queued', /sat on the bus.{0,30}waiting/],
  // shopping
  forced_shopping: [
    '强制购物', '强迫购物', /强迫.{0,6}购物/, '强制消费', '强制进店', /被逼.{0,4}买/, /逼.{0,4}买/, /不买.{0,8}(不让|不能|不准|不给|甩脸|脸色|黑面|骂|不带)/,
    /关在.{0,8}(不让|不给)/, '购物团', 'forced shopping', /forced (us )?to (shop|buy)/, 'pressured', /forc(e|es|ed|ing) (us|me|them|people) to (go )?(shop|buy)/, /wouldn't let us.{0,20}until we bought/,
    /locked us in.{0,12}(shop|store)/, 'made us buy', 'hard sell', /got nasty when we didn't buy/,
  ],
  extra_shopping_stop: [
    '购物店', '购物点', /[一二三四五六七八九两几\d]个购物/, /额外.{0,4}购物/, /加了.{0,6}购物/, '玉石店', '茶叶店', '珠宝店', '乳胶店',
    /进了.{0,4}[个间]?.{0,2}店/, '纯玩', '无购物', 'shopping stop*', /(jade|tea|silk|jewelry|jewellery|latex) (shop|store|factory)/,
    'no shopping', /taken to (a )?\w* ?(shop|store)/,
  ],
  counterfeit_goods: [
    '假货', '假的', '赝品', /鉴定.{0,6}假/, /验过.{0,4}(是)?假/, '不是正品', '全是碎的', '全部是碎', 'fake', 'counterfeit',
    'not genuine', 'knock-off', "it's just crumbs",
  ],
  private_selling: [
    '私下卖', '私底下卖', '车上卖', /在车上.{0,4}(卖|推销)/, /(导游|领队).{0,6}(卖|推销)/, '卖土特产', '卖土产', 'privately selling',
    /sold.{0,30}on the bus/, /(guide|leader).{0,12}sell/,
  ],
  // guide
  guide_rude: [
    '态度恶劣', '翻白眼', '反白眼', '甩脸色', '黑面', '穷鬼', '阴阳怪气', '冷嘲热讽', '说话难听', '不耐烦', /骂(人|我|我们)/, '被骂',
    '被吼', '吼了', 'rolled her eyes', 'rolled his eyes', 'cheapskates', 'impatient', /shouted at|shouting at|yelled at/,
  ],
  guide_absent: [
    '不见人影', '见不到导游', /(导游|领队).{0,6}(不在|失联|玩手机|迟到)/, '只有司机', '只有一个司机', '一问三不知', '敷衍',
    '求其', /haven't seen the guide/, 'only the driver', 'half-hearted', /(guide|leader).{0,20}on (his|her) phone/,
    /(guide|leader).{0,10}(isn't|not|won't) (answering|reply)/,
  ],
  group_abandoned: [
    '甩团', /把我们(扔|丢|甩|留)在/, /(扔下|丢下)我们/, /赶.{0,4}下车/, '自己走了', '自己走回去', 'abandoned us',
    /left us (behind )?(at|on|in)/, /kicked us off/, /drove off/,
  ],
  guide_threatening: [
    '威胁', '恐吓', '喝醉', '大吵大闹', '敲我们', /不交.{0,8}(不带|就不|不载)/, 'threatened', 'threatening', 'got drunk',
    /banging on (our|my) door/,
  ],
  // meals
  meal_quality: [
    '吃不饱', '食不饱', '难吃', '不好吃', '份量少', '分量少', /[一二三四五六七八九十\d]+个菜/, '土豆白菜', '薯仔', '一碗面',
    '每顿都是一样', '每餐都一样', /特色餐.{0,8}(就是|只有)/, 'not enough food', 'bowl of noodles', 'same dishes',
    'potatoes and cabbage', 'boxed lunch*', '盒饭', '饭盒', /portions? (were|was|are|is) (tiny|small)/, 'too oily', 'too salty', '太油', '太咸', /(food|meals?) (was|were|are|is) (terrible|awful|bad|inedible)/,
  ],
  meal_hygiene: [
    '虫子', '吃到虫', '吃出', '苍蝇', '乌蝇', '碗筷都是油', '油淋淋', '上吐下泻', '拉肚子', '食物中毒', 'bug in my', 'flies',
    'food poisoning', 'greasy chopsticks', 'diarrh*',
  ],
  meal_skipped: [/(午餐|晚餐|早餐|午饭|晚饭|早饭).{0,4}(取消|没了|没有|不包|没吃)/, '来不及吃', '饿着肚子', '饿住个肚', 'was skipped', 'went hungry', 'no breakfast', /breakfast.{0,40}(isn't|not) (included|provided)/],
  // charges
  hidden_fee: [
    '另外交', '另外付', '另外收', '多交了', '多付了', '多收', '加收', '附加费', '隐形消费', '小交通费', '加菜钱', /要补.{0,6}(钱|费)/,
    '全包', /免费.{0,12}(结果|但|到了)/, '抢钱', 'overcharged', 'surcharge', 'hidden fee*', 'all-inclusive', 'extra fee',
    /charged (us |me )?(an )?extra/, 'child fee', /pay an? \d+/, 'shuttle fees',
  ],
  unsigned_extras: [
    /自费.{0,12}(没经过|没问|没有问|不问|未经|直接|强制|不交)/, '自费项目', /(没经过|没有经过|未经).{0,4}同意.{0,8}(加|扣)/, '从团费里扣',
    /optional tours?.{0,40}(without|deducted)/, 'without our consent', /pay for the optional/,
  ],
  refund_dispute: [
    /退款.{0,8}(没到|还没|未到|没有到|驳回|拒绝|拖)/, /(没|未)退/, '押金', '按金', '一分没退', '一分都没退', /退款.{0,4}申请/,
    /refund.{0,30}(rejected|denied|still|haven't|not received)/, "haven't received my refund", 'deposit',
  ],
  discriminatory_surcharge: ['年龄附加费', /老年人.{0,6}(加收|多收)/, /长者.{0,6}(加收|多收)/, '单房差', '单人房差', 'age surcharge', 'single supplement', /because i'm over \d+/],
  // booking
  departure_cancelled: [
    /出发前.{0,8}(取消|才通知|通知.{0,6}取消)/, /团.{0,4}取消了/, /取消.{0,3}(出团|行程|团)/, '不成团', /团期.{0,6}(改|变|取消)/, 'cancelled our departure',
    /departure.{0,20}(cancelled|changed)/, /tour (was |is |gets )?cancel+ed/, /cancel+(s|ed)? (the|our|my) (tour|trip|departure)/,
  ],
  group_transferred: ['转给了', '转给另一家', '转团', '被转', 'transferred to another', 'another agency', '另一家旅行社', '另一家不认识'],
  document_error: [
    /护照.{0,8}(错|打错|录错)/, /名字.{0,4}(拼错|打错|写错)/, '不让登机', '不给登机', /签证.{0,20}(没办|没下来|办不到|拒签)/, '订错',
    'denied boarding', 'misspell*', /visas?.{0,60}(weren't|not|never) issued/, 'wrong name',
  ],
  booking_not_honoured: [
    /合同.{0,10}(没有发|没发|一直没|没有寄|没寄)/, '附加条款', /(条款|合同).{0,10}没签/, '名额满', /机票.{0,6}(没订|根本没|没有订)/,
    '早鸟', /never signed/, 'early bird', /(never|weren't|not) booked/, "haven't received the contract", 'tour is full',
    /there's a clause/,
  ],
  // safety
  injury: [
    '受伤', '骨折', '流血', '头破血流', '摔伤', '摔倒', '跌倒', '推倒', '推跌', '扭伤', '撞伤', 'injur*', 'hurt', 'bleeding',
    /broken? (her|his|my|a) (leg|arm|ankle|wrist)/, 'fracture*', 'fell on', /pushed my/,
  ],
  illness: [
    '高原反应', '高山症', '发烧', '高烧', '生病', '过敏', '休克', '心脏病', '中暑', '晕倒', '昏迷', '上吐下泻', '食物中毒',
    '敏感休克', 'altitude sickness', 'fever', 'anaphylactic', 'heart attack', 'collapsed', 'unconscious', 'food poisoning',
    /sick(?! of)/,
  ],
  accident: [
    '车祸', '撞车', '翻车', '事故', '追尾', '刹车失灵', '溺水', '着火', '火灾', '火警', 'accident', 'crash*', 'rear-ended',
    'drown*', 'fire at', 'hit the barrier',
  ],
  theft: ['被偷', '偷了', '扒手', '小偷', '被扒', '被抢', 'stolen', 'pickpocket*', 'robbed', /(?<!this is )theft/],
  missing_person: ['走失', '失踪', '找不到人', '迷路', /is missing|are missing|went missing|gone missing/, 'lost on the', 'we are lost', "we're lost"],
  danger: ['危险', '不安全', '安全措施', '年久失修', '差点出事', '差些出事', '救生衣', 'dangerous', 'unsafe', 'safety measures', 'life jackets', 'loose railings', 'nearly drowned'],
  // privacy
  data_leaked: [
    '泄露', '外泄', '泄漏', '出卖', /(身份证|护照|电话|号码|信息|资料|房号).{0,10}(泄|告诉|发到|给了)/, '冒充', '推销群', '拉进',
    '加进', 'leak*', 'sales calls', 'spam', /pretending to be/, /posted our passport/, 'without consent', 'gave my room number',
    /photos in a .{0,20}group/, 'copy of my passport', '护照复印件', '护照影本',
  ],
  harassment: [
    '骚扰', '动手动脚', '毛手毛脚', '下流', '跟踪', '撤销投诉', '撤回投诉', /打.{0,2}电话.{0,6}(骚扰|撤)/, 'harass*', 'creepy',
    'touching', 'lewd', 'following me', 'withdraw my complaint', /knocked on my door/, '半夜有人来敲门',
  ],
};
