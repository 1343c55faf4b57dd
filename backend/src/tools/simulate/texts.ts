import type { Rng } from './random.ts';

/**
 * What citizens of the fictional district 青禾区 write and say. The district is three streets
 * side by side (west to east, 0.02° of longitude each), each cut into three communities (south
 * to north, 0.02° of latitude each), exactly as the demo territory seeds it, so a point drawn
 * from a place's box lands in that community's grids.
 */
export interface Place {
  street: string;
  community: string;
  /** Roads, compounds and landmarks inside the community (invented). */
  spots: readonly string[];
  /** [west, south, east, north] in degrees. */
  box: readonly [number, number, number, number];
}

const DISTRICT = { west: 120.1, south: 30.2, step: 0.02 };

const streets: readonly { street: string; communities: readonly (readonly [string, readonly string[]])[] }[] = [
  {
    street: '东湖街道',
    communities: [
      ['湖滨社区', ['湖滨路与青禾大道交叉口', '湖滨花园小区', '湖滨花园12幢', '东湖公园北门', '湖滨路18号']],
      ['柳岸社区', ['柳岸路', '柳岸新村', '柳岸新村5幢', '柳岸菜市场', '柳岸路公交站']],
      ['荷花社区', ['荷花街', '荷花苑小区', '荷花小学门口', '荷花街32号', '荷花苑7幢']],
    ],
  },
  {
    street: '西山街道',
    communities: [
      ['松林社区', ['松林路', '松林雅苑', '松林雅苑三期', '松林路和西山路路口', '松林幼儿园']],
      ['翠峰社区', ['翠峰路', '翠峰家园', '翠峰农贸市场', '翠峰家园21幢', '翠峰路88号']],
      ['石桥社区', ['石桥老街', '石桥路', '石桥公交站', '石桥社区服务中心', '石桥老街古桥边']],
    ],
  },
  {
    street: '南桥镇',
    communities: [
      ['南桥村', ['南桥大道', '南桥村文化礼堂', '南桥村村口', '南桥大道加油站旁边']],
      ['稻香村', ['稻香路', '稻香村村委会', '稻香村十二组', '稻香路桥头']],
      ['新河社区', ['新河路', '新河湾小区', '新河菜场', '新河湾小区南门', '新河路幼儿园']],
    ],
  },
];

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export const places: readonly Place[] = streets.flatMap(({ street, communities }, s) =>
  communities.map(([community, spots], c) => {
    const west = DISTRICT.west + DISTRICT.step * s;
    const south = DISTRICT.south + DISTRICT.step * c;
    return { street, community, spots, box: [round6(west), round6(south), round6(west + DISTRICT.step), round6(south + DISTRICT.step)] as const };
  }),
);

/** A point well inside the place's box: a margin keeps it off the grid lines. */
export function pointIn(place: Place, rng: Rng): { latitude: number; longitude: number } {
  const [west, south, east, north] = place.box;
  const margin = 0.002;
  return { longitude: round6(rng.float(west + margin, east - margin)), latitude: round6(rng.float(south + margin, north - margin)) };
}

/** People name a place in many ways: full administrative path, community and spot, or just the spot. */
export function describePlace(place: Place, rng: Rng): string {
  const spot = rng.pick(place.spots);
  // "南桥村南桥村村口" is not how anyone writes: a spot named after its community stands alone.
  const community = spot.startsWith(place.community.slice(0, 2)) ? '' : place.community;
  return rng.pick([`${place.street}${community}${spot}`, `${community}${spot}`, spot, `青禾区${place.street}${spot}`]);
}

export interface AppealTemplate {
  category: string;
  /** `{p}` is replaced by a place. */
  text: string;
  /** Relative frequency; emergencies are rare. */
  weight?: number;
}

const t =
  (category: string, weight?: number) =>
  (text: string): AppealTemplate => ({ category, text, ...(weight ? { weight } : {}) });
const road = t('道路设施');
const light = t('路灯');
const garbage = t('市容环境');
const noise = t('噪音扰民');
const building = t('违章搭建');
const water = t('供水供气');
const food = t('食品安全');
const neighbour = t('邻里纠纷');
const policy = t('政策咨询');
const praise = t('表扬');
const suggestion = t('建议');
const traffic = t('交通设施');
const green = t('园林绿化');
const pollution = t('环境污染');
const emergency = t('突发事件', 0.3);

export const appealTemplates: readonly AppealTemplate[] = [
  road('{p}路面塌了一个大坑，下雨天积水看不见，已经有电动车摔倒了。'),
  road('{p}的井盖不见了，晚上路过很危险，请尽快补上。'),
  road('{p}人行道的地砖松动翘起，老人走路容易绊倒。'),
  road('{p}的路面修了一半就停工了，坑坑洼洼，车子开不过去。'),
  road('{p}附近的减速带坏了，螺丝露在外面，扎了好几次轮胎。'),
  road('{p}公交站的候车亭玻璃碎了，碎渣掉了一地。'),
  light('{p}的路灯已经坏了一个多星期，晚上一片漆黑。'),
  light('{p}路灯白天一直亮着，晚上反而不亮，太浪费电了。'),
  light('{p}有一根路灯杆歪了，感觉随时要倒，下面就是小孩上学的路。'),
  light('{p}门口的路灯一闪一闪的，晚上回家很吓人。'),
  garbage('{p}的垃圾桶满了好几天没人清运，臭味很大，还招苍蝇。'),
  garbage('{p}有人乱倒建筑垃圾，路边堆了一大堆。'),
  garbage('{p}垃圾分类点的垃圾根本没分类，全混在一起，清运车直接拉走了。'),
  garbage('{p}附近河道里漂了很多垃圾，水也发黑发臭。'),
  garbage('{p}的公共厕所很脏，洗手池的水龙头也坏了。'),
  noise('{p}附近的工地每天晚上十一点以后还在施工，噪音太大，根本睡不着。'),
  noise('{p}楼下的烧烤店每天营业到凌晨两点，又吵又有油烟。'),
  noise('{p}广场舞的音响声音太大了，从傍晚一直放到晚上十点。'),
  noise('{p}楼上住户天天半夜装修砸墙，跟他们说了也没用。'),
  building('{p}一楼住户私自把院子围起来盖了一间房，占用了公共绿地。'),
  building('{p}顶楼有人在搭建彩钢板房，这是不是违章建筑？'),
  building('{p}有商户把店门口的人行道占了，搭了个棚子摆摊。'),
  water('{p}从今天早上开始停水，也没看到停水通知，什么时候能恢复？'),
  water('{p}的自来水发黄，有股铁锈味，不敢喝。'),
  water('{p}水压特别低，住高层的根本用不上水。'),
  water('{p}的燃气突然停了，家里做不了饭，请问是什么原因？'),
  water('{p}路边的消防栓在漏水，已经流了一整天了。'),
  water('{p}的雨水管道堵了，一下雨就积水到小腿。'),
  food('{p}附近有一家早餐店卫生条件很差，后厨老鼠到处跑。'),
  food('我在{p}的超市买的牛奶已经过期了，店家还不肯退。'),
  food('{p}附近的菜市场有摊贩缺斤少两，一斤肉少了二两。'),
  food('{p}有家奶茶店没有营业执照，员工也没有健康证。'),
  food('{p}附近有流动摊贩在卖没有检疫的猪肉。'),
  neighbour('{p}楼上邻居家空调外机滴水，正好滴在我家阳台上，沟通几次都不解决。'),
  neighbour('{p}有人在楼道里堆放杂物和电动车，把消防通道都堵了。'),
  neighbour('{p}邻居在公共走廊里养了一条大狗，遛狗也不拴绳，经常吓到小孩。'),
  neighbour('{p}的物业不作为，电梯坏了一个月都没修。'),
  neighbour('{p}有人在绿化带里种菜，还浇粪水，味道很大。'),
  neighbour('{p}有车长期占用消防通道停车，救护车都进不来。'),
  neighbour('{p}的小区门禁坏了，陌生人随便进出，很不安全。'),
  policy('请问灵活就业人员的医保怎么在网上缴费？'),
  policy('想咨询一下新生儿落户需要带哪些材料，在哪里办理？'),
  policy('请问老年人乘公交的优惠卡在哪里申请？我家住在{p}。'),
  policy('想问一下我们{p}的老旧小区改造什么时候开始？'),
  policy('请问租房的外地孩子在{p}附近上小学，需要什么条件？'),
  policy('咨询一下住房公积金提取需要准备什么材料？'),
  policy('请问电动自行车上牌在哪里办，需要预约吗？'),
  policy('我父亲八十多岁了，请问高龄补贴怎么申请？'),
  praise('表扬{p}的网格员小王，上次我家水管爆了，他半夜赶过来帮忙联系维修。'),
  praise('感谢环卫工人，{p}这段路最近打扫得特别干净。'),
  praise('上周反映的{p}路灯问题已经修好了，效率很高，点个赞！'),
  praise('社区医生上门给我母亲做了体检，服务很周到，谢谢{p}的工作人员。'),
  suggestion('建议在{p}增加一个公交站，现在最近的站要走二十分钟。'),
  suggestion('建议{p}路口装一个红绿灯，上下学时间车多人多，太危险了。'),
  suggestion('{p}附近没有电动车充电桩，建议多装几个，免得大家飞线充电。'),
  suggestion('建议在{p}多放几张休息椅，老人散步走累了没地方坐。'),
  suggestion('希望{p}附近的菜市场能延长营业时间，下班回来都关门了。'),
  traffic('{p}的红绿灯坏了，路口车辆乱成一团。'),
  traffic('{p}附近的共享单车乱停乱放，把盲道都堵了。'),
  traffic('{p}的交通标志牌被树枝挡住了，外地车经常开错。'),
  green('{p}的行道树被大风刮倒了，横在路中间。'),
  green('{p}有几棵树长得太高，挡住了旁边楼里的采光，请派人修剪。'),
  green('{p}绿化带里的杂草好久没人管，长了很多蚊子。'),
  pollution('{p}附近的工厂晚上偷偷排废气，味道很刺鼻。'),
  pollution('{p}附近有餐馆把油污直接倒进雨水井。'),
  emergency('{p}楼道里有很浓的煤气味，好像燃气泄漏了，请赶紧派人来！'),
  emergency('{p}有一栋房子着火了，冒着很大的黑烟，已经打了119。'),
  emergency('{p}有电线掉在地上冒火花，旁边很多人经过，非常危险。'),
];

/** What a citizen adds after the first message; `{p}` is the place of their appeal. */
export const followUps: readonly string[] = [
  '补充一下，刚才说的问题已经持续一个多星期了。',
  '刚才反映的情况今天又出现了，麻烦尽快处理。',
  '我的联系电话就是这个号码，有需要可以打给我。',
  '再补充一下具体位置：就在{p}。',
  '现在情况越来越严重了，请尽快派人来看看！',
  '请问我刚才反映的问题有人处理了吗？',
  '周边好几户邻居都有同样的意见。',
  '最好白天来看，晚上看不清楚。',
  '谢谢，辛苦你们了。',
];

/** What callers leave on the voicemail after hearing their case number. */
export const voicemails: readonly string[] = [
  '我再补充一下，晚上十点以后最严重，麻烦你们晚上过来看一下。',
  '我的电话就是这个号码，有什么情况可以打回来。',
  '这个问题已经反映过好几次了，一直没有人管，希望这次能解决。',
  '就是刚才说的那个地方，你们到了打我电话，我下来带路。',
  '那个，家里有老人，拜托你们快一点。',
  '没什么了，就这些，谢谢。',
];

export const webNames: readonly string[] = [
  '张先生',
  '李女士',
  '王阿姨',
  '陈师傅',
  '刘同学',
  '赵大爷',
  '周女士',
  '吴先生',
  '王建国',
  '李秀英',
  '张伟',
  '刘芳',
  '陈静',
  '杨洋',
];

const openers = ['喂，你好，', '喂？喂，是12345吗？我想反映个事情，', '你好，那个，', '哎你好，我跟你们说一下啊，', '喂，你好，我要投诉一下，就是'];
const closers = ['你们赶紧派人来看一下吧。', '麻烦你们处理一下，谢谢啊。', '就这个事情。', '嗯，就这样。', ''];

/**
 * Written text as speech recognition hears it: a greeting, 那个/就是 fillers at a pause,
 * sentence-final punctuation softened, and a spoken sign-off.
 */
export function toSpoken(text: string, rng: Rng): string {
  const opener = rng.pick(openers);
  const filler = rng.pick(['，那个，', '，就是，', '，嗯，', '，']);
  // One 那个 per sentence is speech; two in a row is a parody.
  const withFiller = text.replace('，', opener.endsWith('那个，') && filler === '，那个，' ? '，嗯，' : filler);
  const softened = withFiller.replace(/[！？]$/, '。');
  return `${opener}${softened}${rng.pick(closers)}`;
}

/** Texting style: no full stop at the end, sometimes no greeting at all, sometimes 你好. */
export function toTexting(text: string, rng: Rng): string {
  const plain = rng.chance(0.5) ? text.replace(/。$/, '') : text;
  return rng.chance(0.2) ? `你好，${plain}` : plain;
}

/** The web form is written with more care. */
export function toWebForm(text: string, rng: Rng): string {
  return rng.chance(0.3) ? `您好！${text}望尽快处理，谢谢。` : text;
}

export function fillPlace(text: string, place: string): string {
  return text.replaceAll('{p}', place);
}

/**
 * "The same pothole reported by twenty callers": several citizens report one problem at one
 * place on different channels and in their own words, so the queue shows duplicates.
 */
export interface DuplicateCluster {
  name: string;
  place: Place;
  point: { latitude: number; longitude: number };
  address: string;
  reports: readonly { channel: 'sms' | 'voice' | 'wechat' | 'web'; text: string }[];
}

const placeOf = (community: string) => places.find((p) => p.community === community)!;

export const duplicateClusters: readonly DuplicateCluster[] = [
  {
    name: '柳岸新村南门路灯',
    place: placeOf('柳岸社区'),
    point: { longitude: 120.1072, latitude: 30.2313 },
    address: '东湖街道柳岸社区柳岸路柳岸新村南门',
    reports: [
      { channel: 'sms', text: '柳岸路柳岸新村南门口那盏路灯坏了，晚上黑乎乎的，请尽快修一下' },
      { channel: 'wechat', text: '东湖街道柳岸社区柳岸新村南门的路灯不亮了，已经三四天了' },
      { channel: 'web', text: '柳岸新村南大门外面的路灯连续几天晚上都不亮，老人孩子出门很不安全，希望尽快维修。' },
      { channel: 'voice', text: '喂你好，那个，我是柳岸新村的，就是我们小区南门口的路灯坏掉了，晚上根本看不见路，你们派人来修一下吧。' },
      { channel: 'wechat', text: '柳岸路靠近柳岸新村南门的路灯坏了，昨晚有人在那里摔了一跤' },
    ],
  },
  {
    name: '新河湾东门路面大坑',
    place: placeOf('新河社区'),
    point: { longitude: 120.1523, latitude: 30.2471 },
    address: '南桥镇新河社区新河路新河湾小区东门',
    reports: [
      { channel: 'voice', text: '喂，12345吗，就是新河路新河湾小区东门那边，路上有个大坑，我早上骑电动车差点摔了。' },
      { channel: 'web', text: '新河路新河湾小区东门前路面塌陷出一个大坑，直径快一米，车辆经过很危险。' },
      { channel: 'sms', text: '新河湾东门口马路上有个大坑，好几辆电动车在那里摔倒了，请赶快处理' },
      { channel: 'wechat', text: '南桥镇新河路新河湾小区东门的路面坑太大了，晚上看不清，快派人来填一下！' },
    ],
  },
];

/** Every template is used in proportion to its weight. */
export function pickTemplate(rng: Rng): AppealTemplate {
  const total = appealTemplates.reduce((sum, x) => sum + (x.weight ?? 1), 0);
  let roll = rng.next() * total;
  for (const template of appealTemplates) {
    roll -= template.weight ?? 1;
    if (roll < 0) return template;
  }
  return appealTemplates.at(-1)!;
}
