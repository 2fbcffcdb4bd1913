/** Courses c-103..c-136: 时事政治 (affairs) and 宗旨与服务 (service). All text zh-CN, written by us. */
import type { CourseSeed } from './types';

export const affairsServiceCourses: CourseSeed[] = [
  // ── 时事政治 ──
  {
    id: 'c-103', kind: 'LESSON', minutes: 60,
    title: '党的二十大报告学习导读',
    summary: '课程导读党的二十大报告，梳理报告的主题、主要框架和重大论断。课程重点讲解新时代新征程党的中心任务，以及报告对经济、科教、民主法治、文化、民生、生态、国家安全和国防等领域的战略部署。',
    topics: { 'affairs.twentieth-congress': 0.9, 'theory.chinese-modernization': 0.3 },
  },
  {
    id: 'c-104', kind: 'ARTICLE', minutes: 20,
    title: '二十大党章修正案学习要点',
    summary: '本文介绍党的二十大审议通过的党章修正案的总体情况。文章说明修正案把党的十九大以来党的理论创新、实践创新、制度创新的重要成果写入党章，并提示党员结合修改后的党章内容加强学习。',
    topics: { 'affairs.twentieth-congress': 0.7, 'constitution.general-program': 0.4 },
  },
  {
    id: 'c-105', kind: 'LESSON', minutes: 45,
    title: '党的二十届三中全会精神解读',
    summary: '课程解读二〇二四年七月召开的党的二十届三中全会，以及全会通过的关于进一步全面深化改革、推进中国式现代化的决定。课程讲解改革的总目标、重大原则和主要领域，说明改革是推进中国式现代化的根本动力。',
    topics: { 'affairs.third-plenum-reform': 0.9 },
  },
  {
    id: 'c-106', kind: 'ARTICLE', minutes: 20,
    title: '改革进行时：师生身边的改革举措',
    summary: '本文从高校师生的视角，梳理进一步全面深化改革中与教育、科技、人才和就业相关的改革方向。文章引导读者把宏观改革部署与自己的学习、科研和职业规划联系起来。',
    topics: { 'affairs.third-plenum-reform': 0.7, 'affairs.education-science-talent': 0.4 },
  },
  {
    id: 'c-107', kind: 'VIDEO', minutes: 20,
    title: '什么是新质生产力',
    summary: '视频用通俗的例子解释新质生产力的内涵，说明它以科技创新为主导、以高质量发展为目标。节目介绍战略性新兴产业和未来产业的发展方向，以及因地制宜发展新质生产力的要求。',
    topics: { 'affairs.economy': 0.9, 'affairs.education-science-talent': 0.2 },
  },
  {
    id: 'c-108', kind: 'ARTICLE', minutes: 25,
    title: '读懂政府工作报告',
    summary: '本文介绍政府工作报告的基本结构，教读者如何阅读主要预期目标、年度重点任务和民生举措。文章结合扩大内需、稳定就业和保障民生等内容，帮助读者理解当前经济形势和宏观政策取向。',
    topics: { 'affairs.economy': 0.8, 'affairs.rural-common-prosperity': 0.2 },
  },
  {
    id: 'c-109', kind: 'LESSON', minutes: 40,
    title: '全面推进乡村振兴',
    summary: '课程讲解巩固拓展脱贫攻坚成果、全面推进乡村振兴的总体要求，介绍产业、人才、文化、生态、组织五个方面的振兴。课程还说明保障国家粮食安全和推进城乡融合发展的重要意义。',
    topics: { 'affairs.rural-common-prosperity': 0.9, 'service.social-practice': 0.2 },
  },
  {
    id: 'c-110', kind: 'ARTICLE', minutes: 20,
    title: '在高质量发展中促进共同富裕',
    summary: '本文阐述共同富裕是社会主义的本质要求，是全体人民的富裕，是物质生活和精神生活都富裕。文章说明共同富裕要在高质量发展中逐步实现，既不能等也不能急。',
    topics: { 'affairs.rural-common-prosperity': 0.8, 'theory.chinese-modernization': 0.3 },
  },
  {
    id: 'c-111', kind: 'LESSON', minutes: 40,
    title: '总体国家安全观',
    summary: '课程讲解总体国家安全观的提出背景和核心要义，说明以人民安全为宗旨、以政治安全为根本、以经济安全为基础的安全理念。课程介绍国土、经济、网络、数据、生物等重点领域的安全问题，以及每年四月十五日全民国家安全教育日的意义。',
    topics: { 'affairs.national-security': 0.9 },
  },
  {
    id: 'c-112', kind: 'VIDEO', minutes: 20,
    title: '大学生网络安全与保密常识',
    summary: '视频提醒大学生注意个人信息保护、识别网络诈骗和警惕境外不明人员的拉拢。节目讲解在科研项目和实验数据中遵守保密规定的基本要求，增强维护国家安全的意识。',
    topics: { 'affairs.national-security': 0.8 },
  },
  {
    id: 'c-113', kind: 'LESSON', minutes: 40,
    title: '人类命运共同体与中国特色大国外交',
    summary: '课程分析世界百年未有之大变局下的国际形势，讲解推动构建人类命运共同体的理念。课程介绍全球发展倡议、全球安全倡议、全球文明倡议，以及中国坚持独立自主和平外交政策的基本立场。',
    topics: { 'affairs.international': 0.9 },
  },
  {
    id: 'c-114', kind: 'ARTICLE', minutes: 20,
    title: '共建“一带一路”',
    summary: '本文介绍二〇一三年提出的共建“一带一路”倡议的内涵和合作理念，说明共商共建共享的原则。文章介绍设施联通、贸易畅通、民心相通等方面的合作成果和高质量发展方向。',
    topics: { 'affairs.international': 0.8, 'affairs.economy': 0.2 },
  },
  {
    id: 'c-115', kind: 'VIDEO', minutes: 25,
    title: '绿水青山就是金山银山',
    summary: '视频讲述一些地方从开山挖矿转向生态保护和绿色发展的故事，阐释绿水青山就是金山银山的理念。节目介绍生态保护修复、污染防治和美丽中国建设的实践成果。',
    topics: { 'affairs.ecology': 0.9 },
  },
  {
    id: 'c-116', kind: 'ARTICLE', minutes: 15,
    title: '碳达峰碳中和与绿色低碳生活',
    summary: '本文介绍我国力争二〇三〇年前实现碳达峰、二〇六〇年前实现碳中和的目标。文章结合校园生活，倡导节约用电用水、减少一次性用品、绿色出行和垃圾分类等低碳行为。',
    topics: { 'affairs.ecology': 0.8, 'service.volunteering': 0.2 },
  },
  {
    id: 'c-117', kind: 'LESSON', minutes: 40,
    title: '教育强国建设与青年使命',
    summary: '课程讲解教育、科技、人才一体推进的战略部署，说明建设教育强国、科技强国、人才强国之间的内在联系。课程结合高校立德树人根本任务，引导青年学生把个人成长融入国家发展。',
    topics: { 'affairs.education-science-talent': 0.9 },
  },
  {
    id: 'c-118', kind: 'VIDEO', minutes: 25,
    title: '科技自立自强与关键核心技术攻关',
    summary: '视频介绍我国在航天、深海探测、超级计算等领域取得的科技成就，以及关键核心技术攻关面临的挑战。节目讲述高校科研团队服务国家战略需求的故事，激励青年投身科技创新。',
    topics: { 'affairs.education-science-talent': 0.8, 'affairs.economy': 0.3 },
  },
  {
    id: 'c-119', kind: 'EXAM', minutes: 30,
    title: '形势与政策综合测验',
    summary: '本测验考查党的二十大精神、进一步全面深化改革和国际形势等时事政治知识。题目注重对重要会议和重大方针政策的理解，完成后可查看解析。',
    topics: { 'affairs.twentieth-congress': 0.6, 'affairs.third-plenum-reform': 0.4, 'affairs.international': 0.3 },
  },

  // ── 宗旨与服务 ──
  {
    id: 'c-120', kind: 'LESSON', minutes: 45,
    title: '全心全意为人民服务：党的根本宗旨',
    summary: '课程讲解全心全意为人民服务的根本宗旨的形成与内涵，说明党除了工人阶级和最广大人民群众的利益没有自己特殊的利益。课程结合党员岗位实际，探讨如何把宗旨意识落实到为群众办实事中。',
    topics: { 'service.purpose': 0.9, 'constitution.general-program': 0.2 },
  },
  {
    id: 'c-121', kind: 'ARTICLE', minutes: 20,
    title: '以人民为中心的发展思想',
    summary: '本文阐述以人民为中心的发展思想，说明发展为了人民、发展依靠人民、发展成果由人民共享。文章结合就业、教育、医疗、养老等民生领域，说明人民对美好生活的向往就是党的奋斗目标。',
    topics: { 'service.purpose': 0.8, 'theory.xi-thought': 0.2 },
  },
  {
    id: 'c-122', kind: 'LESSON', minutes: 40,
    title: '群众路线的历史与实践',
    summary: '课程回顾党的群众路线在革命、建设、改革各个时期的形成和发展，讲解一切为了群众、一切依靠群众，从群众中来、到群众中去的内涵。课程介绍深入基层、倾听群众呼声、接受群众监督的工作方法。',
    topics: { 'service.mass-line': 0.9, 'theory.mao-zedong-thought': 0.2 },
  },
  {
    id: 'c-123', kind: 'VIDEO', minutes: 20,
    title: '我为群众办实事',
    summary: '视频展示高校党组织和党员开展“我为群众办实事”实践活动的案例，如改善食堂和宿舍条件、简化办事流程、帮助困难学生。节目说明办实事要从群众最关心最直接最现实的利益问题入手。',
    topics: { 'service.mass-line': 0.8, 'service.community-service': 0.3 },
  },
  {
    id: 'c-124', kind: 'LESSON', minutes: 35,
    title: '党的三大优良作风',
    summary: '课程讲解理论联系实际、密切联系群众、批评和自我批评三大优良作风的形成过程和时代价值。课程结合新时代作风建设的要求，说明党员如何在学习和工作中传承优良作风。',
    topics: { 'service.work-style': 0.9 },
  },
  {
    id: 'c-125', kind: 'ARTICLE', minutes: 20,
    title: '大兴调查研究之风',
    summary: '本文说明调查研究是谋事之基、成事之道，介绍深入实际、深入基层开展调查研究的方法。文章提醒调研要防止走过场、搞形式，要把发现问题、解决问题作为调研的落脚点。',
    topics: { 'service.work-style': 0.7, 'service.social-practice': 0.4 },
  },
  {
    id: 'c-126', kind: 'LESSON', minutes: 30,
    title: '志愿服务入门',
    summary: '课程介绍志愿服务的概念、奉献友爱互助进步的志愿精神和志愿服务条例的基本规定。课程讲解志愿者注册、服务时长记录、权益保障和服务礼仪，帮助新志愿者做好准备。',
    topics: { 'service.volunteering': 0.9 },
  },
  {
    id: 'c-127', kind: 'ARTICLE', minutes: 15,
    title: '学雷锋志愿服务活动组织指南',
    summary: '本文介绍以三月五日学雷锋纪念日为契机组织志愿服务活动的步骤，包括需求调研、项目设计、志愿者招募、安全预案和总结宣传。文章倡导把学雷锋活动常态化，让雷锋精神在校园中代代相传。',
    topics: { 'service.volunteering': 0.8, 'history.heroes': 0.2 },
  },
  {
    id: 'c-128', kind: 'VIDEO', minutes: 20,
    title: '党员示范岗与学业帮扶',
    summary: '视频记录学生党员在宿舍设立党员示范岗、在班级开展学业帮扶和朋辈辅导的做法。节目展示党员亮身份、作表率，带动身边同学共同进步的场景。',
    topics: { 'service.campus-service': 0.9 },
  },
  {
    id: 'c-129', kind: 'ARTICLE', minutes: 20,
    title: '党员教师的立德树人表率',
    summary: '本文讲述党员教师在课堂教学、科研指导和学生关怀中发挥表率作用的事例。文章说明党员教师要做到以德立身、以德立学、以德施教，做学生为学、为事、为人的示范。',
    topics: { 'service.campus-service': 0.8, 'affairs.education-science-talent': 0.2 },
  },
  {
    id: 'c-130', kind: 'LESSON', minutes: 30,
    title: '在职党员到社区报到',
    summary: '课程讲解在职党员到居住地社区报到、认领服务岗位的做法和要求。课程介绍党员参与网格化管理、关爱空巢老人和留守儿童、协助社区开展政策宣传等服务内容。',
    topics: { 'service.community-service': 0.9 },
  },
  {
    id: 'c-131', kind: 'ARTICLE', minutes: 20,
    title: '新时代“枫桥经验”与基层治理',
    summary: '本文介绍坚持和发展新时代“枫桥经验”的基本内涵，即依靠群众就地化解矛盾。文章结合社区调解、邻里互助等案例，说明党建引领基层治理、共建共治共享的做法。',
    topics: { 'service.community-service': 0.8, 'service.mass-line': 0.3 },
  },
  {
    id: 'c-132', kind: 'LESSON', minutes: 35,
    title: '暑期“三下乡”社会实践指南',
    summary: '课程介绍大学生文化、科技、卫生“三下乡”社会实践的组织流程，包括选题立项、团队组建、实地实践和成果总结。课程还讲解问卷设计、入户访谈和撰写调研报告的基本方法。',
    topics: { 'service.social-practice': 0.9, 'service.volunteering': 0.3 },
  },
  {
    id: 'c-133', kind: 'VIDEO', minutes: 20,
    title: '西部计划与支教：青年在基层',
    summary: '视频讲述参加大学生志愿服务西部计划和支教的青年在基层的成长故事。节目展示他们在乡村学校、基层单位中服务群众、锻炼本领的经历，说明青年在基层一线可以大有作为。',
    topics: { 'service.social-practice': 0.8, 'affairs.rural-common-prosperity': 0.3 },
  },
  {
    id: 'c-134', kind: 'VIDEO', minutes: 25,
    title: '党员突击队：急难险重显担当',
    summary: '视频讲述在抗洪抢险、抗震救灾和公共卫生事件中组建党员突击队、冲锋在前的故事。节目说明关键时刻站得出来、危难关头豁得出去是共产党员的本色。',
    topics: { 'service.emergency-duty': 0.9 },
  },
  {
    id: 'c-135', kind: 'ARTICLE', minutes: 15,
    title: '应急救护与安全防护常识',
    summary: '本文介绍心肺复苏、止血包扎等基本应急救护技能，以及火灾、地震等突发情况下的自救互救常识。文章建议党员主动学习应急知识，在突发事件中能够协助组织群众、做好防护。',
    topics: { 'service.emergency-duty': 0.8, 'service.volunteering': 0.3 },
  },
  {
    id: 'c-136', kind: 'EXAM', minutes: 25,
    title: '宗旨意识与作风建设测验',
    summary: '本测验考查党的根本宗旨、群众路线、优良作风和志愿服务等知识。题目结合服务群众的实际情境设计，完成后可查看解析。',
    topics: { 'service.purpose': 0.6, 'service.work-style': 0.4, 'service.volunteering': 0.3 },
  },
];
