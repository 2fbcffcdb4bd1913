/** Courses c-1..c-34: 党章 (constitution) and 党史 (history). All text zh-CN, written by us. */
import type { CourseSeed } from './types';

export const constitutionHistoryCourses: CourseSeed[] = [
  // ── 党章 ──
  {
    id: 'c-1',
    kind: 'ARTICLE',
    minutes: 20,
    title: '党章导读：走进党内根本大法',
    summary:
      '本文概览《中国共产党章程》由总纲和十一章组成的总体结构，帮助初学者建立对党章的整体印象。文章说明党章为什么被称为党内根本大法，以及学习党章、遵守党章、贯彻党章、维护党章的基本要求。适合入党申请人作为学习党章的第一课。',
    topics: { 'constitution.general-program': 0.8, 'constitution.membership': 0.3 },
  },
  {
    id: 'c-2',
    kind: 'LESSON',
    minutes: 45,
    title: '专题党课：党的性质和宗旨',
    summary:
      '这堂党课围绕党章总纲，讲解中国共产党的两个先锋队性质和领导核心地位。课程结合党的奋斗历程，阐释全心全意为人民服务的根本宗旨为什么贯穿党的一切工作。最后引导学员思考个人入党动机与党的性质宗旨之间的关系。',
    topics: { 'constitution.general-program': 0.9, 'service.purpose': 0.3 },
  },
  {
    id: 'c-3',
    kind: 'VIDEO',
    minutes: 25,
    title: '党的最高理想和最终目标',
    summary: '视频讲解党章总纲中关于实现共产主义的最高理想和最终目标，以及它与现阶段纲领之间的关系。节目说明最高纲领和最低纲领相统一的道理，帮助学员理解远大理想与共同理想。',
    topics: { 'constitution.general-program': 0.8, 'theory.marxism': 0.3 },
  },
  {
    id: 'c-4',
    kind: 'ARTICLE',
    minutes: 15,
    title: '什么样的人可以成为共产党员',
    summary:
      '本文逐项解读党章规定的入党条件：年龄要求、社会阶层中的先进分子、承认党的纲领和章程、在党的一个组织中积极工作、执行党的决议和按期交纳党费。文章还说明入党必须坚持个人自愿原则和个别吸收原则。读完可以对照自身情况检视是否符合申请入党的基本条件。',
    topics: { 'constitution.membership': 0.9, 'admission.application': 0.4 },
  },
  {
    id: 'c-5',
    kind: 'VIDEO',
    minutes: 20,
    title: '党员标准与先锋战士',
    summary: '视频从党章对党员的定位讲起，说明共产党员为什么要做有共产主义觉悟的先锋战士。节目通过学习、工作和生活中的场景，展示合格党员标准在日常中的具体体现。',
    topics: { 'constitution.membership': 0.8, 'constitution.member-duties': 0.3 },
  },
  {
    id: 'c-6',
    kind: 'LESSON',
    minutes: 50,
    title: '逐条解读党员的八项义务',
    summary:
      '课程按照党章第一章的顺序，逐条讲解党员必须履行的八项义务，包括学习理论、贯彻基本路线、坚持党和人民利益高于一切、遵守纪律和法律、维护团结统一、开展批评和自我批评、密切联系群众、弘扬社会主义新风尚等。每一项义务都配有理解要点和践行方法。课后附有对照检查清单。',
    topics: { 'constitution.member-duties': 0.9 },
  },
  {
    id: 'c-7',
    kind: 'ARTICLE',
    minutes: 15,
    title: '义务在身边：党员日常行为对照',
    summary:
      '本文把党章规定的党员义务转化为校园生活中的具体行为，如按时参加组织生活、如实向组织反映情况、在困难面前挺身而出。文章提醒党员义务不是停留在纸面上的条文，而要体现在每一天的学习和工作中。',
    topics: { 'constitution.member-duties': 0.7, 'service.campus-service': 0.3 },
  },
  {
    id: 'c-8',
    kind: 'LESSON',
    minutes: 40,
    title: '党员的民主权利及其保障',
    summary:
      '课程系统讲解党章规定的党员八项权利，包括参加会议和阅读文件、参加讨论、提出建议和倡议、批评和揭发检举、表决权选举权被选举权、申辩和作证、声明保留意见、提出请求申诉和控告。课程强调党员权利与义务相统一，并介绍党组织保障党员权利的相关制度。',
    topics: { 'constitution.member-rights': 0.9 },
  },
  {
    id: 'c-9',
    kind: 'ARTICLE',
    minutes: 15,
    title: '申诉、控告与保留意见：党员权利怎么行使',
    summary:
      '本文以问答形式说明党员如何正确行使申诉、控告和声明保留意见等权利。文章强调对党的决议有不同意见时，必须在坚决执行的前提下声明保留，并可以向上级组织直至中央反映。党员行使权利应当实事求是、按照程序进行。',
    topics: { 'constitution.member-rights': 0.8, 'constitution.democratic-centralism': 0.3 },
  },
  {
    id: 'c-10',
    kind: 'LESSON',
    minutes: 45,
    title: '民主集中制的基本原则',
    summary:
      '课程讲解民主集中制作为党的根本组织原则和领导制度的内涵，逐条解读党章规定的基本原则，包括“四个服从”、领导机关由选举产生、集体领导和个人分工负责相结合、禁止个人崇拜等。课程还分析民主与集中的辩证关系，说明为什么只讲民主不讲集中或只讲集中不讲民主都是错误的。',
    topics: { 'constitution.democratic-centralism': 0.9 },
  },
  {
    id: 'c-11',
    kind: 'VIDEO',
    minutes: 25,
    title: '集体领导与个人分工负责',
    summary: '视频结合党支部和党委的实际工作，讲解重大问题由集体讨论决定、成员按分工履行职责的制度安排。节目展示议事规则、会议表决和会后落实的规范做法。',
    topics: { 'constitution.democratic-centralism': 0.7, 'organization.branch-work': 0.3 },
  },
  {
    id: 'c-12',
    kind: 'ARTICLE',
    minutes: 20,
    title: '党的全国代表大会和中央委员会',
    summary:
      '本文介绍党的最高领导机关——全国代表大会和它所产生的中央委员会。文章说明全国代表大会每五年举行一次、由中央委员会召集，以及它听取和审查报告、讨论决定重大问题、修改党章、选举中央委员会和中央纪律检查委员会等职权。',
    topics: { 'constitution.party-organs': 0.9 },
  },
  {
    id: 'c-13',
    kind: 'VIDEO',
    minutes: 20,
    title: '图解党的中央组织和地方组织',
    summary:
      '视频用组织结构图的方式，梳理中央政治局及其常务委员会、中央书记处、中央军事委员会、中央纪律检查委员会之间的关系。节目还介绍省、市、县各级党代表大会和地方委员会的产生方式与职责。',
    topics: { 'constitution.party-organs': 0.8, 'constitution.democratic-centralism': 0.2 },
  },
  {
    id: 'c-14',
    kind: 'LESSON',
    minutes: 35,
    title: '基层党组织为什么是战斗堡垒',
    summary:
      '课程依据党章关于党的基层组织的规定，讲解有正式党员三人以上的基层单位都应建立党组织的要求。课程阐述基层党组织的基本任务，以及它在宣传党的主张、贯彻党的决定、领导基层治理、团结动员群众中的作用。',
    topics: { 'constitution.grassroots': 0.9, 'organization.branch-work': 0.3 },
  },
  {
    id: 'c-15',
    kind: 'ARTICLE',
    minutes: 20,
    title: '高校基层党组织建设',
    summary:
      '本文介绍高校院系党组织和师生党支部的设置方式，以及基层党组织在立德树人、教学科研和校园治理中的职责。文章结合把党支部建在教研室、课题组和年级上的做法，说明如何增强高校基层党组织的组织力。',
    topics: { 'constitution.grassroots': 0.7, 'service.campus-service': 0.3 },
  },
  {
    id: 'c-16',
    kind: 'ARTICLE',
    minutes: 10,
    title: '党徽党旗的含义与使用规范',
    summary:
      '本文介绍党章中关于党徽党旗的规定：党徽由镰刀和锤头组成，党旗是缀有金黄色党徽图案的红旗。文章说明党徽党旗象征的意义，以及在会议、宣誓和纪念活动中正确悬挂使用党旗、规范佩戴党徽的要求。',
    topics: { 'constitution.emblem-flag': 0.9 },
  },
  {
    id: 'c-17',
    kind: 'EXAM',
    minutes: 30,
    title: '党章基本知识单元测验',
    summary: '本测验覆盖党章总纲、党员义务和党徽党旗等章节的基础知识。题目以单项选择为主，完成后可查看每道题的解析。建议在学完党章导读和相关专题后参加。',
    topics: { 'constitution.general-program': 0.6, 'constitution.member-duties': 0.4, 'constitution.emblem-flag': 0.3 },
  },

  // ── 党史 ──
  {
    id: 'c-18',
    kind: 'LESSON',
    minutes: 45,
    title: '从五四运动到中共一大',
    summary:
      '课程讲述五四运动之后马克思主义在中国的广泛传播，以及北京、上海等地共产党早期组织的建立过程。课程重点介绍一九二一年七月中国共产党第一次全国代表大会的召开，说明中国共产党的成立是开天辟地的大事变。',
    topics: { 'history.founding': 0.9, 'history.spirit-lineage': 0.2 },
  },
  {
    id: 'c-19',
    kind: 'VIDEO',
    minutes: 20,
    title: '红船启航：一大会址与南湖红船',
    summary:
      '视频带领观众走进上海中共一大会址和浙江嘉兴南湖，讲述一大会议从上海转移到南湖游船上继续举行的经过。节目阐释开天辟地、敢为人先的首创精神，坚定理想、百折不挠的奋斗精神，立党为公、忠诚为民的奉献精神，即红船精神的内涵。',
    topics: { 'history.founding': 0.8, 'history.spirit-lineage': 0.4 },
  },
  {
    id: 'c-20',
    kind: 'LESSON',
    minutes: 40,
    title: '井冈山道路与农村包围城市',
    summary: '课程讲述大革命失败后，党发动南昌起义、秋收起义，创建井冈山革命根据地的历史。课程分析党如何从中国国情出发，开辟农村包围城市、武装夺取政权的革命道路。',
    topics: { 'history.new-democratic-revolution': 0.9, 'theory.mao-zedong-thought': 0.3 },
  },
  {
    id: 'c-21',
    kind: 'VIDEO',
    minutes: 30,
    title: '遵义会议与万里长征',
    summary: '视频回顾中央红军长征途中召开的遵义会议，说明这次会议在党的历史上生死攸关的转折意义。节目讲述红军四渡赤水、飞夺泸定桥、爬雪山过草地等长征故事，展现长征精神的力量。',
    topics: { 'history.new-democratic-revolution': 0.8, 'history.spirit-lineage': 0.3 },
  },
  {
    id: 'c-22',
    kind: 'ARTICLE',
    minutes: 20,
    title: '全民族抗战中的中流砥柱',
    summary: '本文介绍党倡导建立抗日民族统一战线、坚持全面抗战路线、开辟敌后战场的历史。文章说明中国共产党在全民族抗战中发挥的中流砥柱作用，以及抗日战争胜利的伟大意义。',
    topics: { 'history.new-democratic-revolution': 0.8 },
  },
  {
    id: 'c-23',
    kind: 'LESSON',
    minutes: 40,
    title: '新中国成立与社会主义改造',
    summary:
      '课程讲述一九四九年中华人民共和国成立后，党领导人民恢复国民经济、进行土地改革和抗美援朝。课程介绍第一个五年计划的实施，以及对农业、手工业和资本主义工商业的社会主义改造如何确立了社会主义基本制度。',
    topics: { 'history.socialist-construction': 0.9 },
  },
  {
    id: 'c-24',
    kind: 'VIDEO',
    minutes: 25,
    title: '两弹一星与艰苦创业',
    summary: '视频讲述新中国科技工作者在极其艰苦的条件下自力更生研制“两弹一星”的故事。节目展现热爱祖国、无私奉献、自力更生、艰苦奋斗的精神，以及社会主义建设时期的重大成就。',
    topics: { 'history.socialist-construction': 0.7, 'history.heroes': 0.3 },
  },
  {
    id: 'c-25',
    kind: 'LESSON',
    minutes: 40,
    title: '伟大转折：党的十一届三中全会',
    summary:
      '课程讲述一九七八年十二月召开的党的十一届三中全会，重新确立解放思想、实事求是的思想路线，作出把党和国家工作中心转移到经济建设上来、实行改革开放的历史性决策。课程分析这次全会开启改革开放和社会主义现代化建设新时期的深远意义。',
    topics: { 'history.reform-opening': 0.9, 'theory.socialism-chinese-characteristics': 0.3 },
  },
  {
    id: 'c-26',
    kind: 'ARTICLE',
    minutes: 20,
    title: '经济特区与社会主义市场经济体制',
    summary:
      '本文梳理改革开放进程中的关键步骤：农村实行家庭联产承包责任制、兴办经济特区、建立社会主义市场经济体制、加入世界贸易组织。文章说明这些改革开放举措如何推动我国经济快速发展。',
    topics: { 'history.reform-opening': 0.8, 'affairs.economy': 0.2 },
  },
  {
    id: 'c-27',
    kind: 'VIDEO',
    minutes: 30,
    title: '新时代十年的伟大变革',
    summary: '视频回顾党的十八大以来党和国家事业取得的历史性成就、发生的历史性变革。节目涵盖全面从严治党、脱贫攻坚、全面深化改革、生态文明建设和国防军队改革等方面。',
    topics: { 'history.new-era': 0.9, 'affairs.twentieth-congress': 0.3 },
  },
  {
    id: 'c-28',
    kind: 'ARTICLE',
    minutes: 20,
    title: '脱贫攻坚与全面建成小康社会',
    summary: '本文讲述新时代党领导人民打赢脱贫攻坚战、历史性地解决绝对贫困问题的历程。文章介绍精准扶贫的基本方略，说明全面建成小康社会、实现第一个百年奋斗目标的重大意义。',
    topics: { 'history.new-era': 0.8, 'affairs.rural-common-prosperity': 0.4 },
  },
  {
    id: 'c-29',
    kind: 'LESSON',
    minutes: 45,
    title: '伟大建党精神的深刻内涵',
    summary:
      '课程逐句阐释伟大建党精神：坚持真理、坚守理想，践行初心、担当使命，不怕牺牲、英勇斗争，对党忠诚、不负人民。课程说明伟大建党精神是党的精神之源，并结合党的奋斗历程讲解如何在新时代弘扬这一精神。',
    topics: { 'history.spirit-lineage': 0.9 },
  },
  {
    id: 'c-30',
    kind: 'VIDEO',
    minutes: 30,
    title: '精神谱系中的井冈山、长征、延安、西柏坡精神',
    summary: '视频选取党的精神谱系中的四种革命精神，分别讲述它们形成的历史背景和核心内涵。节目把这些精神与新时代青年的成长道路联系起来，引导观众传承红色基因。',
    topics: { 'history.spirit-lineage': 0.8, 'history.new-democratic-revolution': 0.3 },
  },
  {
    id: 'c-31',
    kind: 'LESSON',
    minutes: 60,
    title: '对照学习党的三个历史决议',
    summary:
      '课程把一九四五年、一九八一年和二〇二一年党作出的三个历史决议放在一起对照学习。课程分析每个决议产生的历史背景、解决的主要问题和历史作用，说明党善于通过总结历史经验推动事业发展。',
    topics: { 'history.historical-resolutions': 0.9 },
  },
  {
    id: 'c-32',
    kind: 'ARTICLE',
    minutes: 25,
    title: '党的百年奋斗的十条历史经验',
    summary: '本文解读党的十九届六中全会决议总结的十条历史经验，从坚持党的领导、坚持人民至上到坚持自我革命。文章说明这些经验是经过长期实践积累的宝贵财富，必须倍加珍惜、长期坚持。',
    topics: { 'history.historical-resolutions': 0.8, 'history.new-era': 0.3 },
  },
  {
    id: 'c-33',
    kind: 'ARTICLE',
    minutes: 15,
    title: '红色家书里的革命先烈',
    summary: '本文选读几封革命先烈留下的家书，讲述他们在生死关头对信仰的坚守和对家人的深情。文章引导读者从红色家书中体会先烈们对党忠诚、为国为民的崇高品格。',
    topics: { 'history.heroes': 0.9 },
  },
  {
    id: 'c-34',
    kind: 'VIDEO',
    minutes: 25,
    title: '时代楷模：从雷锋到黄大年',
    summary: '视频讲述雷锋、焦裕禄、黄大年等不同时期英雄模范人物的事迹。节目展示他们在平凡岗位上无私奉献、在科研一线报效祖国的精神风貌，号召青年崇尚英雄、学习英雄。',
    topics: { 'history.heroes': 0.8, 'service.volunteering': 0.3 },
  },
];
