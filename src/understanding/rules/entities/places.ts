/**
 * Where the traveller is, as ISO 3166 country codes, from the places they name: countries, and the
 * cities, regions and sights tour groups go to. Names are folded (simplified, lower case); an
 * English name is a whole word. Mainland China's provinces count as CN; Hong Kong, Macau and Taiwan
 * have their own emergency numbers, so they are their own entries.
 */
const places: Record<string, readonly string[]> = {
  CN: [
    '西湖', '乌镇', '周庄', '西塘', '宏村', '婺源', '庐山', '三清山', '华山', '兵马俑', '故宫', '天安门', '颐和园', '外滩', '布达拉宫', '大昭寺', '纳木错', '羊卓雍错',
    '珠峰', '玉龙雪山', '洱海', '泸沽湖', '石林', '漓江', '龙脊', '涠洲岛', '北海', '天门山', '武陵源', '黄果树', '荔波', '梵净山', '色达', '四姑娘山', '海螺沟', '黄龙',
    '天池', '吐鲁番', '喀什', '伊犁', '那拉提', '赛里木湖', '茶卡', '张掖', '嘉峪关', '乐山大佛', '都江堰', '亚布力', '漠河', '满洲里', '阿尔山', '额尔古纳', '亚龙湾',
    '蜈支洲', '云冈', '五台山', '少林寺', '龙门石窟', '承德', '北戴河', '威海', '烟台', '秦皇岛', '腾冲', '西双版纳', '景洪', '普者黑', '元阳', '丹霞', '壶口',
    'west lake', 'potala', 'terracotta', 'forbidden city', 'the bund', 'yellow mountain', 'guangxi', 'tianmen', 'kashgar', 'lijiang old town',
    '中国', '国内', '内地', '大陆', '云南', '昆明', '丽江', '大理', '西双版纳', '香格里拉', '桂林', '阳朔', '广西', '海南', '三亚', '海口', '新疆', '乌鲁木齐', '喀纳斯',
    '西藏', '拉萨', '林芝', '九寨沟', '四川', '成都', '重庆', '张家界', '凤凰古城', '湖南', '黄山', '西安', '北京', '上海', '杭州', '苏州', '南京', '厦门', '鼓浪屿',
    '哈尔滨', '雪乡', '长白山', '内蒙古', '呼伦贝尔', '敦煌', '甘肃', '青海', '青海湖', '贵州', '黔东南', '广州', '深圳', '珠海', '长城', '峨眉山', '乐山', '泰山',
    '武夷山', '稻城', '亚丁', '长沙', '武汉', '洛阳', '平遥', '大同', '青岛', '大连', '福建', '江西', '婺源', '景德镇', '宁夏', '银川', '额济纳',
    'china', 'mainland', 'yunnan', 'kunming', 'lijiang', 'dali', 'guilin', 'yangshuo', 'hainan', 'sanya', 'xinjiang', 'tibet', 'lhasa', 'jiuzhaigou',
    'sichuan', 'chengdu', 'chongqing', 'zhangjiajie', 'huangshan', "xi'an", 'xian', 'beijing', 'shanghai', 'hangzhou', 'suzhou', 'xiamen', 'harbin',
    'great wall', 'guangzhou', 'shenzhen', 'dunhuang',
  ],
  HK: [
    '大屿山', '昂坪', '长洲', '南丫岛', '太平山', 'lantau', 'victoria peak','香港', '尖沙咀', '旺角', '铜锣湾', '迪士尼乐园', '海洋公园', 'hong kong', 'kowloon', 'tsim sha tsui', 'mong kok'],
  MO: ['澳门', 'macau', 'macao'],
  TW: [
    '合欢山', '太鲁阁', '清境', '西门町', '士林', '淡水', '野柳', '绿岛', '兰屿', '澎湖', '金门', '台东', '宜兰', '新竹', '屏东', '嘉义', 'taroko', 'alishan',
    'sun moon lake', 'jiufen', 'penghu','台湾', '台北', '高雄', '台中', '台南', '花莲', '垦丁', '阿里山', '日月潭', '九份', 'taiwan', 'taipei', 'kaohsiung', 'taichung', 'tainan', 'hualien', 'kenting'],
  JP: [
    '箱根', '富良野', '小樽', '函馆', '白川乡', '金泽', '神户', '广岛', '宫岛', '镰仓', '日光', '轻井泽', '别府', '由布院', '宫古岛', '石垣岛', '道顿堀', '心斋桥',
    '银座', '新宿', '涩谷', '浅草', '立山', '黑部', 'hakone', 'furano', 'otaru', 'hakodate', 'kanazawa', 'kobe', 'hiroshima', 'kamakura', 'nikko', 'beppu',
    'shinjuku', 'shibuya', 'asakusa', 'ginza', 'niseko','日本', '东京', '大阪', '京都', '奈良', '北海道', '札幌', '冲绳', '富士山', '名古屋', '福冈', 'japan', 'tokyo', 'osaka', 'kyoto', 'nara', 'hokkaido', 'sapporo', 'okinawa', 'fuji'],
  KR: [
    '江原道', '南怡岛', '庆州', '仁川', '明洞', '弘大', '雪岳山', 'gangwon', 'nami island', 'gyeongju', 'incheon', 'myeongdong','韩国', '首尔', '济州', '釜山', 'korea', 'seoul', 'jeju', 'busan'],
  TH: [
    '清莱', '华欣', '皮皮岛', '普吉岛', '布吉', '大城', '拜县', 'chiang rai', 'hua hin', 'phi phi', 'ayutthaya','泰国', '曼谷', '清迈', '普吉', '芭提雅', '苏梅', '甲米', 'thailand', 'bangkok', 'chiang mai', 'phuket', 'pattaya', 'koh samui', 'krabi'],
  VN: [
    '会安', '顺化', '大叻', '富国岛', '沙坝', 'hoi an', 'da lat', 'dalat', 'phu quoc', 'sapa','越南', '河内', '胡志明', '岘港', '芽庄', '下龙湾', 'vietnam', 'hanoi', 'ho chi minh', 'saigon', 'da nang', 'danang', 'nha trang', 'ha long'],
  SG: ['新加坡', '圣淘沙', 'singapore', 'sentosa'],
  MY: [
    '马六甲', '云顶', '热浪岛', 'malacca', 'melaka', 'genting','马来西亚', '吉隆坡', '沙巴', '槟城', '兰卡威', '亚庇', 'malaysia', 'kuala lumpur', 'sabah', 'penang', 'langkawi', 'kota kinabalu'],
  ID: [
    '乌布', '库塔', '金巴兰', '龙目岛', '科莫多', '日惹', '婆罗浮屠', 'ubud', 'kuta', 'seminyak', 'jimbaran', 'lombok', 'komodo', 'yogyakarta', 'borobudur','印尼', '印度尼西亚', '巴厘岛', '峇里岛', '雅加达', 'indonesia', 'bali', 'jakarta'],
  PH: [
    '巴拉望', '爱妮岛', 'palawan', 'el nido', 'coron','菲律宾', '长滩岛', '宿务', '马尼拉', '薄荷岛', 'philippines', 'boracay', 'cebu', 'manila', 'bohol'],
  KH: ['柬埔寨', '吴哥', '暹粒', '金边', 'cambodia', 'angkor', 'siem reap', 'phnom penh'],
  MV: [
    '马累','马尔代夫', 'maldives'],
  LK: ['斯里兰卡', 'sri lanka'],
  NP: ['尼泊尔', '加德满都', 'nepal', 'kathmandu'],
  IN: ['印度', '新德里', 'india', 'delhi', 'agra', 'mumbai'],
  AE: [
    '哈利法塔', 'burj khalifa','阿联酋', '迪拜', '阿布扎比', 'dubai', 'abu dhabi', 'uae'],
  EG: [
    '阿斯旺', '金字塔', '红海', '赫尔格达', 'aswan', 'giza', 'pyramids', 'hurghada', 'sharm','埃及', '开罗', '卢克索', 'egypt', 'cairo', 'luxor'],
  TR: [
    '棉花堡', '安塔利亚', '以弗所', 'pamukkale', 'antalya', 'ephesus', 'göreme', 'goreme','土耳其', '伊斯坦布尔', '卡帕多奇亚', 'turkey', 'türkiye', 'istanbul', 'cappadocia'],
  RU: [
    '贝加尔湖', '摩尔曼斯克', 'baikal', 'murmansk','俄罗斯', '莫斯科', '圣彼得堡', 'russia', 'moscow', 'st petersburg'],
  FR: [
    '卢浮宫', '凡尔赛', '普罗旺斯', '尼斯', '戛纳', '里昂', '埃菲尔', 'louvre', 'versailles', 'provence', 'cannes', 'lyon', 'eiffel', 'mont saint-michel','法国', '巴黎', '尼斯', 'france', 'paris'],
  IT: [
    '阿马尔菲', '五渔村', '比萨', '那不勒斯', '庞贝', '西西里', '托斯卡纳', '卡普里', '梵蒂冈', 'amalfi', 'cinque terre', 'pisa', 'naples', 'pompeii', 'sicily',
    'tuscany', 'capri', 'vatican', 'dolomites','意大利', '罗马', '威尼斯', '佛罗伦萨', '米兰', 'italy', 'rome', 'venice', 'florence', 'milan'],
  ES: [
    '塞维利亚', '格拉纳达', '马略卡', 'seville', 'granada', 'mallorca', 'majorca', 'ibiza','西班牙', '巴塞罗那', '马德里', 'spain', 'barcelona', 'madrid'],
  DE: [
    '新天鹅堡', '科隆', '海德堡', 'neuschwanstein', 'cologne', 'heidelberg', 'hamburg','德国', '柏林', '慕尼黑', '法兰克福', 'germany', 'berlin', 'munich', 'frankfurt'],
  CH: [
    '因特拉肯', '策马特', '马特洪峰', '铁力士', 'zermatt', 'matterhorn', 'titlis', 'geneva', 'grindelwald','瑞士', '少女峰', '卢塞恩', '苏黎世', 'switzerland', 'jungfrau', 'lucerne', 'zurich', 'interlaken'],
  GR: [
    '克里特', '米克诺斯', '罗德岛', 'crete', 'mykonos', 'rhodes', 'corfu','希腊', '雅典', '圣托里尼', 'greece', 'athens', 'santorini'],
  GB: [
    '巨石阵', '约克', '牛津', '剑桥', '湖区', 'stonehenge', 'oxford', 'cambridge', 'lake district', 'manchester', 'liverpool','英国', '伦敦', '爱丁堡', 'uk', 'england', 'london', 'edinburgh', 'scotland'],
  US: [
    '黄石', '大峡谷', '关岛', '塞班', 'yellowstone', 'grand canyon', 'orlando', 'miami', 'seattle', 'chicago', 'guam', 'saipan','美国', '纽约', '洛杉矶', '拉斯维加斯', '夏威夷', '旧金山', 'usa', 'new york', 'los angeles', 'las vegas', 'hawaii', 'san francisco'],
  CA: ['加拿大', '温哥华', '多伦多', 'canada', 'vancouver', 'toronto', 'banff'],
  AU: [
    '大堡礁', '布里斯班', '珀斯', '塔斯马尼亚', 'great barrier reef', 'brisbane', 'perth', 'tasmania', 'uluru','澳大利亚', '澳洲', '悉尼', '墨尔本', '黄金海岸', '凯恩斯', 'australia', 'sydney', 'melbourne', 'gold coast', 'cairns'],
  NZ: [
    '罗托鲁瓦', '基督城', '米尔福德', 'rotorua', 'christchurch', 'milford sound','新西兰', '奥克兰', '皇后镇', 'new zealand', 'auckland', 'queenstown'],
};

/** The countries whose places are known. */
export const placeCountries = Object.keys(places);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const finders = Object.entries(places).map(([code, names]) => ({
  code,
  re: new RegExp(names.map((n) => (/^[a-z]/.test(n) ? `(?<![a-z])${escape(n)}(?![a-z])` : escape(n))).join('|'), 'u'),
}));

/** The countries folded text names, in the order it first names them. */
export function countriesIn(folded: string): string[] {
  return finders
    .map(({ code, re }) => ({ code, at: folded.search(re) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ code }) => code);
}
