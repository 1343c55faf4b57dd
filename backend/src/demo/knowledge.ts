import type { Db } from '../platform/db/index.ts';
import { addKnowledgeIfEmpty } from '../reference/knowledge/index.ts';

/** 常用语: what agents say many times a day, in the hotline's voice. */
export const demoCannedReplies: { title: string; text: string }[] = [
  { title: '问候', text: '您好，这里是12345市民服务热线，很高兴为您服务。请问有什么可以帮您？' },
  { title: '已记录', text: '您反映的情况我们已详细记录，将按规定时限交相关部门办理，请您保持电话畅通。' },
  { title: '转交部门', text: '您反映的问题属于相关职能部门职责范围，我们已将诉求转交该部门办理，办理结果将及时反馈给您。' },
  { title: '请提供地址', text: '为便于工作人员尽快到现场处置，请您提供具体地址（街道、小区名称、楼栋号或附近明显标志物）。' },
  { title: '请提供照片', text: '如方便，请您拍摄现场照片发送给我们，便于部门准确了解情况、尽快处置。' },
  { title: '请提供联系方式', text: '请留下您的联系电话，以便办理部门核实情况并向您反馈办理结果。我们会对您的个人信息严格保密。' },
  { title: '核实中', text: '您好，我们正在核实您反映的情况，请您稍候，核实后会第一时间回复您。' },
  { title: '紧急情况', text: '您反映的情况较为紧急，我们已立即通知相关单位赶赴现场处置。如有人员受伤或火情，请同时拨打 120 / 119 / 110。' },
  { title: '重复反映', text: '您反映的问题此前已有市民反映，目前已在办理中，我们会将您的诉求一并督办，并在办结后通知您。' },
  { title: '不属受理范围', text: '您反映的事项不属于本热线受理范围，建议您通过司法途径或向有关机关咨询办理。感谢您的理解。' },
  { title: '办结回访', text: '您好，您反映的问题相关部门已办理完毕。请问您对办理结果是否满意？您的评价将帮助我们改进工作。' },
  { title: '结束语', text: '感谢您的来电（来信），如还有其他问题，欢迎随时拨打12345市民服务热线。祝您生活愉快！' },
];

/** 知识库: answers to the questions citizens ask most, for consultations answered directly. */
export const demoKnowledgeArticles: { title: string; body: string; categoryCode: string | null; keywords: string }[] = [
  {
    title: '12345热线受理范围',
    body: '12345市民服务热线受理企业和群众对经济调节、市场监管、社会管理、公共服务、生态环境保护等方面的咨询、求助、投诉、举报和建议。不予受理：应通过诉讼、仲裁、行政复议等法定途径解决的事项；已进入司法程序的事项；涉及国家秘密、商业秘密、个人隐私的事项；110、119、120 等紧急热线受理的事项（热线会协助转接）。',
    categoryCode: 'policy-consultation',
    keywords: '受理范围 不予受理 热线 咨询 投诉 举报',
  },
  {
    title: '住房公积金提取条件与办理',
    body: '职工购买、建造、翻建、大修自住住房，偿还购房贷款本息，租房自住，离休退休，完全丧失劳动能力并与单位终止劳动关系等情形可申请提取住房公积金。可通过公积金中心网上服务大厅、手机App或柜台办理，需本人身份证、相关证明材料（购房合同、租房备案等）。租房提取每年可办理一次。',
    categoryCode: 'policy-consultation',
    keywords: '公积金 提取 租房 购房 贷款 退休',
  },
  {
    title: '社保缴费记录查询',
    body: '参保人可通过人社局官方网站、"掌上12333"App、社保自助终端或携带身份证到区社保经办窗口查询养老、医疗、失业、工伤保险的缴费记录和个人账户。灵活就业人员缴费基数可在每年7月调整。',
    categoryCode: 'social-security',
    keywords: '社保 查询 缴费 养老保险 医疗保险 12333',
  },
  {
    title: '居住证办理',
    body: '在本市居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可申领居住证。持本人身份证、近期照片、住所证明（房产证或租赁备案）及就业或就读证明，到居住地派出所或社区警务室申请，15个工作日内制证。居住证每年签注一次。',
    categoryCode: 'policy-consultation',
    keywords: '居住证 暂住证 派出所 签注 外来人口',
  },
  {
    title: '生活垃圾分类投放时间',
    body: '小区定时定点投放时间一般为早上 7:00–9:00、晚上 18:00–20:00，其他时间请投放至误时投放点。垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾四类；大件垃圾和装修垃圾需预约清运，请联系物业或社区。',
    categoryCode: 'city-appearance',
    keywords: '垃圾分类 投放时间 厨余 可回收 大件垃圾 装修垃圾',
  },
  {
    title: '停水停电通知查询',
    body: '计划停水可在水务集团官网、微信公众号"青禾水务"查询，一般提前24小时公告；计划停电可通过"网上国网"App或供电公司公众号查询，提前7天公告。突发停水停电请先确认是否整栋或整片停供，再拨打水务 96390、电力 95598 报修。',
    categoryCode: 'utility-services',
    keywords: '停水 停电 通知 查询 95598 96390 计划检修',
  },
  {
    title: '燃气报修与燃气泄漏处置',
    body: '燃气报修请拨打燃气公司 24 小时抢修电话 96777。闻到燃气味时：立即关闭燃气总阀，打开门窗通风，不要开关电器、不要使用明火和手机，迅速撤离到室外安全处再报警。燃气泄漏属紧急情况，热线将立即转派抢修。',
    categoryCode: 'utility-services',
    keywords: '燃气 煤气 报修 泄漏 漏气 96777 抢修',
  },
  {
    title: '违法建设举报流程',
    body: '举报违法建设（私搭乱建、违规加层、占用公共空间搭建等）请提供具体地址、建设情况和照片。热线受理后转综合行政执法局，执法人员一般在 5 个工作日内现场核查，正在施工的违建优先处置。举报人信息严格保密。',
    categoryCode: 'illegal-construction',
    keywords: '违建 违法建设 私搭乱建 加层 举报 执法',
  },
  {
    title: '夜间施工噪声投诉',
    body: '晚上 22:00 至次日 6:00 禁止产生噪声的建筑施工作业，抢修、抢险或因生产工艺要求必须连续施工并取得夜间施工许可的除外。投诉请提供施工地点和时间，热线转生态环境分局和住建部门核查。',
    categoryCode: 'pollution',
    keywords: '噪声 噪音 夜间施工 扰民 施工许可',
  },
  {
    title: '路灯不亮、井盖缺失报修',
    body: '路灯不亮、井盖缺失或破损、道路坑洼等市政设施问题，请提供具体位置（路名、门牌号或路灯杆编号）。热线受理后转城市管理局或水务局处置，井盖缺失属安全隐患，优先派单。',
    categoryCode: 'public-utilities',
    keywords: '路灯 井盖 坑洼 市政设施 报修',
  },
  {
    title: '占道经营与流动摊贩',
    body: '占用人行道、盲道经营，流动摊贩影响通行和环境卫生的，由综合行政执法局依法查处。请提供地点、时段和照片；早晚高峰时段的反映会安排巡查。',
    categoryCode: 'street-order',
    keywords: '占道经营 摊贩 小贩 人行道 执法',
  },
  {
    title: '共享单车乱停放',
    body: '共享单车乱停放影响通行的，热线转交通运输局，由其通知运营企业在规定时间内清理。也可直接在单车App内举报违停车辆。',
    categoryCode: 'street-order',
    keywords: '共享单车 乱停 违停 交通',
  },
  {
    title: '食品安全投诉举报',
    body: '发现餐饮店卫生问题、销售过期变质食品、无证经营等，请保留购物凭证、实物和照片，说明商家名称和地址。热线转市场监督管理局处理，一般 7 个工作日内告知处理情况。',
    categoryCode: 'food-drug-safety',
    keywords: '食品安全 过期 变质 餐饮 卫生 无证经营',
  },
  {
    title: '消费纠纷与退换货',
    body: '与商家发生消费纠纷，请先与商家协商；协商不成，可提供购物凭证、商家名称地址和诉求，由市场监督管理局组织调解。网购纠纷可同时向电商平台投诉。预付卡（健身、美容、教育培训）退费纠纷同样受理。',
    categoryCode: 'consumer-rights',
    keywords: '消费纠纷 退货 退款 预付卡 维权 调解',
  },
  {
    title: '邻里纠纷调解',
    body: '邻里之间因噪音、漏水、占用公共部位等产生的纠纷，可先向社区居委会或人民调解委员会申请调解，调解免费。热线受理后转所在街道联动分中心，由网格员上门了解情况。',
    categoryCode: 'dispute-mediation',
    keywords: '邻里纠纷 调解 漏水 居委会 网格员',
  },
  {
    title: '树木修剪与绿化养护',
    body: '行道树、公园树木遮挡采光、枝条断裂有安全隐患、绿地损坏等，由园林绿化管理所处理。小区内树木属物业管理范围，请先联系物业。台风前后的危树处置优先安排。',
    categoryCode: 'greening-facilities',
    keywords: '树木 修剪 绿化 危树 断枝 园林',
  },
  {
    title: '最低生活保障申请',
    body: '家庭人均收入低于本市最低生活保障标准且符合家庭财产规定的，可由户主向户籍所在地街道（镇）社会救助窗口提出申请，携带户口簿、身份证、收入证明等材料。审核审批一般 30 个工作日内完成。',
    categoryCode: 'social-security',
    keywords: '低保 最低生活保障 社会救助 困难家庭 民政',
  },
  {
    title: '老年人优待证与高龄补贴',
    body: '年满 60 周岁的常住老年人可申领老年人优待证，凭证享受公交、公园等优待；80 周岁以上户籍老人可申请高龄津贴，由社区代为申报，按月发放至本人社保卡。',
    categoryCode: 'social-security',
    keywords: '老年人 优待证 高龄补贴 养老 敬老',
  },
  {
    title: '公交线路与站点咨询',
    body: '公交线路、首末班时间、站点调整可在"青禾公交"App或交通运输局公众号查询。对公交线路的意见建议（增设站点、调整班次）热线受理后转交通运输局研究答复。',
    categoryCode: 'traffic-facilities',
    keywords: '公交 线路 站点 班次 首末班',
  },
  {
    title: '油烟扰民投诉',
    body: '餐饮店油烟直排、未安装油烟净化设施影响居民的，由生态环境分局和综合行政执法局处理。请提供店名、地址和影响时段；住宅楼内禁止新建产生油烟的餐饮项目。',
    categoryCode: 'pollution',
    keywords: '油烟 餐饮 扰民 净化器 烧烤',
  },
];

/** The demo's canned replies and knowledge articles, into empty tables only (a deployment's own texts are never touched). */
export async function seedKnowledgeBase(db: Db): Promise<void> {
  await addKnowledgeIfEmpty(db, { cannedReplies: demoCannedReplies, articles: demoKnowledgeArticles });
}
