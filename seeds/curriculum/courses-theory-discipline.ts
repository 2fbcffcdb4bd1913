/** Courses c-35..c-68: 党的创新理论 (theory) and 党规党纪 (discipline). All text zh-CN, written by us. */
import type { CourseSeed } from './types';

export const theoryDisciplineCourses: CourseSeed[] = [
  // ── 理论 ──
  {
    id: 'c-35',
    kind: 'LESSON',
    minutes: 50,
    title: '马克思主义基本原理入门',
    summary:
      '课程以通俗的语言介绍马克思主义的三个组成部分：马克思主义哲学、政治经济学和科学社会主义。课程重点讲解辩证唯物主义和历史唯物主义的基本观点，如物质决定意识、实践是检验真理的唯一标准、生产力决定生产关系。',
    topics: { 'theory.marxism': 0.9 },
  },
  {
    id: 'c-36',
    kind: 'ARTICLE',
    minutes: 25,
    title: '读懂《共产党宣言》',
    summary:
      '本文导读一八四八年发表的《共产党宣言》，介绍这部经典著作的写作背景、基本结构和主要观点。文章说明《共产党宣言》关于阶级斗争、无产阶级历史使命和共产主义社会的论述，以及它对中国共产党人的深远影响。',
    topics: { 'theory.marxism': 0.8, 'constitution.general-program': 0.2 },
  },
  {
    id: 'c-37',
    kind: 'LESSON',
    minutes: 45,
    title: '实事求是、群众路线、独立自主',
    summary: '课程讲解毛泽东思想活的灵魂的三个基本方面。课程结合中国革命和建设的实践，说明实事求是是党的思想路线，群众路线是党的根本工作路线，独立自主是立党立国的重要原则。',
    topics: { 'theory.mao-zedong-thought': 0.9, 'service.mass-line': 0.3 },
  },
  {
    id: 'c-38',
    kind: 'VIDEO',
    minutes: 30,
    title: '毛泽东思想的形成与历史地位',
    summary:
      '视频梳理毛泽东思想在新民主主义革命中形成、在社会主义革命和建设中发展的过程。节目介绍新民主主义革命理论、社会主义改造理论等主要内容，说明毛泽东思想是党集体智慧的结晶，是马克思主义中国化的第一次历史性飞跃的理论成果。',
    topics: { 'theory.mao-zedong-thought': 0.8, 'history.new-democratic-revolution': 0.3 },
  },
  {
    id: 'c-39',
    kind: 'LESSON',
    minutes: 40,
    title: '邓小平理论与社会主义初级阶段',
    summary:
      '课程讲解邓小平理论回答什么是社会主义、怎样建设社会主义这一根本问题的主要内容。课程重点介绍社会主义初级阶段理论、党在社会主义初级阶段的基本路线和社会主义市场经济理论。',
    topics: { 'theory.socialism-chinese-characteristics': 0.9 },
  },
  {
    id: 'c-40',
    kind: 'ARTICLE',
    minutes: 20,
    title: '“三个代表”重要思想和科学发展观',
    summary:
      '本文介绍“三个代表”重要思想关于建设什么样的党、怎样建设党的回答，以及科学发展观关于实现什么样的发展、怎样发展的回答。文章说明它们同邓小平理论一起构成中国特色社会主义理论体系的重要组成部分。',
    topics: { 'theory.socialism-chinese-characteristics': 0.8 },
  },
  {
    id: 'c-41',
    kind: 'LESSON',
    minutes: 60,
    title: '习近平新时代中国特色社会主义思想概论',
    summary:
      '课程系统讲解习近平新时代中国特色社会主义思想的形成背景、科学体系和历史地位。课程说明这一思想是当代中国马克思主义、二十一世纪马克思主义，是新时代党和国家各项事业的根本指针。课程还介绍学习这一思想的基本方法。',
    topics: { 'theory.xi-thought': 0.9 },
  },
  {
    id: 'c-42',
    kind: 'ARTICLE',
    minutes: 25,
    title: '“十个明确”“十四个坚持”要点梳理',
    summary:
      '本文用提纲形式梳理习近平新时代中国特色社会主义思想的核心内容“十个明确”和新时代坚持和发展中国特色社会主义的基本方略“十四个坚持”。文章帮助读者把握两者之间的联系，适合作为复习提纲使用。',
    topics: { 'theory.xi-thought': 0.8, 'theory.overall-plan': 0.2 },
  },
  {
    id: 'c-43',
    kind: 'VIDEO',
    minutes: 25,
    title: '“两个结合”与理论创新',
    summary:
      '视频讲解把马克思主义基本原理同中国具体实际相结合、同中华优秀传统文化相结合的重大意义。节目说明“两个结合”是党推进理论创新的根本途径，并举例展示中华优秀传统文化中的思想精华。',
    topics: { 'theory.xi-thought': 0.7, 'theory.marxism': 0.3 },
  },
  {
    id: 'c-44',
    kind: 'LESSON',
    minutes: 40,
    title: '深刻领悟“两个确立”的决定性意义',
    summary:
      '课程讲解“两个确立”的科学内涵和决定性意义，说明它是党在新时代取得的重大政治成果。课程把“两个确立”与增强“四个意识”、坚定“四个自信”、做到“两个维护”联系起来，引导学员把政治忠诚落实到具体行动中。',
    topics: { 'theory.two-establishes': 0.9 },
  },
  {
    id: 'c-45',
    kind: 'ARTICLE',
    minutes: 15,
    title: '四个意识、四个自信、两个维护',
    summary:
      '本文分别解释政治意识、大局意识、核心意识、看齐意识，道路自信、理论自信、制度自信、文化自信，以及“两个维护”的含义。文章结合党员日常表现，说明提高政治判断力、政治领悟力、政治执行力的途径。',
    topics: { 'theory.two-establishes': 0.8, 'discipline.political-discipline': 0.3 },
  },
  {
    id: 'c-46',
    kind: 'LESSON',
    minutes: 40,
    title: '“五位一体”总体布局和“四个全面”战略布局',
    summary:
      '课程讲解经济建设、政治建设、文化建设、社会建设、生态文明建设五位一体的总体布局，以及全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党的战略布局。课程分析两大布局相互促进、统筹联动的关系。',
    topics: { 'theory.overall-plan': 0.9 },
  },
  {
    id: 'c-47',
    kind: 'ARTICLE',
    minutes: 20,
    title: '全面从严治党的战略意义',
    summary: '本文阐述全面从严治党在“四个全面”战略布局中的地位，说明打铁必须自身硬的道理。文章介绍党的自我革命、管党治党责任落实和正风肃纪反腐的主要举措。',
    topics: { 'theory.overall-plan': 0.7, 'discipline.four-forms': 0.3 },
  },
  {
    id: 'c-48',
    kind: 'VIDEO',
    minutes: 25,
    title: '新发展理念的五个维度',
    summary: '视频分别讲解创新、协调、绿色、开放、共享五大发展理念，并用案例展示每一种理念在实践中的体现。节目说明新发展理念是一个系统的理论体系，必须完整、准确、全面贯彻。',
    topics: { 'theory.new-development-philosophy': 0.9 },
  },
  {
    id: 'c-49',
    kind: 'ARTICLE',
    minutes: 20,
    title: '怎样理解构建新发展格局',
    summary: '本文解释以国内大循环为主体、国内国际双循环相互促进的新发展格局的提出背景和理论内涵。文章说明扩大内需、畅通经济循环与推动高质量发展之间的关系。',
    topics: { 'theory.new-development-philosophy': 0.8, 'affairs.economy': 0.3 },
  },
  {
    id: 'c-50',
    kind: 'LESSON',
    minutes: 45,
    title: '中国式现代化的五个特征和本质要求',
    summary:
      '课程讲解中国式现代化是人口规模巨大、全体人民共同富裕、物质文明和精神文明相协调、人与自然和谐共生、走和平发展道路的现代化。课程阐述中国式现代化的本质要求，以及到二〇三五年基本实现社会主义现代化、到本世纪中叶建成社会主义现代化强国的战略安排。',
    topics: { 'theory.chinese-modernization': 0.9 },
  },
  {
    id: 'c-51',
    kind: 'EXAM',
    minutes: 40,
    title: '党的创新理论综合测验',
    summary: '本测验考查习近平新时代中国特色社会主义思想的核心要义、中国式现代化和“两个确立”等理论知识。题目兼顾概念记忆和理解运用，每题附有解析。',
    topics: { 'theory.xi-thought': 0.6, 'theory.chinese-modernization': 0.4, 'theory.two-establishes': 0.3 },
  },

  // ── 纪律 ──
  {
    id: 'c-52',
    kind: 'LESSON',
    minutes: 45,
    title: '《中国共产党纪律处分条例》修订要点解读',
    summary:
      '课程介绍二〇二三年十二月修订发布、二〇二四年一月一日起施行的《中国共产党纪律处分条例》。课程讲解条例的总体框架、修订背景和主要变化，说明条例在规范党员行为、严明党的纪律中的作用。',
    topics: { 'discipline.regulations-overview': 0.9 },
  },
  {
    id: 'c-53',
    kind: 'ARTICLE',
    minutes: 15,
    title: '一文读懂党的六项纪律',
    summary:
      '本文用简明的语言概括政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律各自的要求和常见违纪情形。文章帮助党员建立对党的纪律体系的整体认识，做到明规矩、知底线。',
    topics: { 'discipline.regulations-overview': 0.8, 'discipline.political-discipline': 0.2, 'discipline.integrity': 0.2 },
  },
  {
    id: 'c-54',
    kind: 'LESSON',
    minutes: 40,
    title: '把政治纪律和政治规矩挺在前面',
    summary:
      '课程讲解政治纪律为什么是最重要、最根本、最关键的纪律。课程结合纪律处分条例的规定，分析公开发表违背党的路线方针政策的言论、搞团团伙伙、对抗组织审查等违反政治纪律的行为及其危害。',
    topics: { 'discipline.political-discipline': 0.9 },
  },
  {
    id: 'c-55',
    kind: 'ARTICLE',
    minutes: 15,
    title: '网络言论与政治纪律',
    summary: '本文提醒党员在微信群、朋友圈和网络平台上发表言论同样要遵守政治纪律和政治规矩。文章列举需要警惕的错误言行，说明党员应当旗帜鲜明地抵制错误思潮、传播正能量。',
    topics: { 'discipline.political-discipline': 0.8, 'discipline.regulations-overview': 0.2 },
  },
  {
    id: 'c-56',
    kind: 'ARTICLE',
    minutes: 20,
    title: '请示报告与个人有关事项报告',
    summary:
      '本文讲解重大事项请示报告制度和领导干部个人有关事项报告制度的要求。文章说明不按要求请示报告、隐瞒不报或者不如实报告属于违反组织纪律的行为，以及如实向党组织说明情况的重要性。',
    topics: { 'discipline.organizational-discipline': 0.9, 'constitution.democratic-centralism': 0.3 },
  },
  {
    id: 'c-57',
    kind: 'VIDEO',
    minutes: 25,
    title: '组织纪律典型情形剖析',
    summary: '视频通过几个典型情形，剖析违反议事规则擅自决定重大问题、在评先评优中弄虚作假、违规办理党员组织关系等违反组织纪律的行为。节目强调党员必须服从组织决定、对党忠诚老实。',
    topics: { 'discipline.organizational-discipline': 0.8 },
  },
  {
    id: 'c-58',
    kind: 'LESSON',
    minutes: 40,
    title: '廉洁从政从教：礼品礼金与兼职取酬的红线',
    summary:
      '课程讲解廉洁纪律的主要要求，重点分析违规收受礼品礼金、违规经商办企业、违规兼职取酬、利用职务影响为亲属谋利等行为。课程结合高校实际，提醒党员教师在招生、评审、采购和科研经费使用等环节守住廉洁底线。',
    topics: { 'discipline.integrity': 0.9 },
  },
  {
    id: 'c-59',
    kind: 'VIDEO',
    minutes: 20,
    title: '家风建设与廉洁文化',
    summary: '视频讲述老一辈革命家严格要求亲属子女的家风故事，说明家风是党风政风的重要组成部分。节目倡导党员干部管好家属和身边工作人员，以清正家风涵养廉洁文化。',
    topics: { 'discipline.integrity': 0.7, 'discipline.mass-work-life-discipline': 0.3 },
  },
  {
    id: 'c-60',
    kind: 'ARTICLE',
    minutes: 20,
    title: '群众纪律：维护群众切身利益',
    summary: '本文讲解群众纪律的要求，列举侵害群众利益、对群众诉求推诿扯皮、在办事服务中吃拿卡要和优亲厚友等违纪情形。文章说明严守群众纪律是践行党的宗旨、密切党群关系的必然要求。',
    topics: { 'discipline.mass-work-life-discipline': 0.8, 'service.mass-line': 0.3 },
  },
  {
    id: 'c-61',
    kind: 'LESSON',
    minutes: 35,
    title: '工作纪律与生活纪律',
    summary:
      '课程讲解工作纪律对履职尽责、落实主体责任、防止形式主义官僚主义的要求，以及生活纪律对生活作风、社会公德和家庭美德的要求。课程通过案例说明失职失责和生活作风问题同样会受到党纪追究。',
    topics: { 'discipline.mass-work-life-discipline': 0.9 },
  },
  {
    id: 'c-62',
    kind: 'VIDEO',
    minutes: 25,
    title: '中央八项规定出台以来的作风之变',
    summary: '视频回顾二〇一二年十二月中央八项规定出台以来党风政风的深刻变化。节目介绍改进调查研究、精简会议文件、厉行勤俭节约等规定内容，说明作风建设永远在路上。',
    topics: { 'discipline.eight-provisions': 0.9, 'service.work-style': 0.3 },
  },
  {
    id: 'c-63',
    kind: 'ARTICLE',
    minutes: 10,
    title: '节假日廉洁提醒：纠治“四风”',
    summary:
      '本文是一份节假日廉洁提醒，提示党员不得违规公款吃喝、违规收送礼品礼金、公车私用和大操大办婚丧喜庆。文章强调形式主义、官僚主义、享乐主义和奢靡之风要一体纠治，防止反弹回潮。',
    topics: { 'discipline.eight-provisions': 0.8, 'discipline.integrity': 0.3 },
  },
  {
    id: 'c-64',
    kind: 'LESSON',
    minutes: 40,
    title: '五种党纪处分及其影响',
    summary:
      '课程讲解警告、严重警告、撤销党内职务、留党察看、开除党籍五种党纪处分的适用情形。课程说明受到不同处分在职务晋升、党内权利等方面的影响，以及处分决定的作出程序和党员的申诉权利。',
    topics: { 'discipline.sanctions': 0.9 },
  },
  {
    id: 'c-65',
    kind: 'ARTICLE',
    minutes: 15,
    title: '从轻减轻与从重加重处分',
    summary:
      '本文介绍纪律处分条例中关于从轻、减轻处分和从重、加重处分的规定。文章说明主动交代问题、积极挽回损失等情形可以从轻或减轻处分，而强迫、唆使他人违纪或者拒不上交、退赔违纪所得等情形则要从重或加重处分。',
    topics: { 'discipline.sanctions': 0.8, 'discipline.regulations-overview': 0.3 },
  },
  {
    id: 'c-66',
    kind: 'LESSON',
    minutes: 35,
    title: '监督执纪“四种形态”',
    summary:
      '课程讲解监督执纪“四种形态”的内涵和运用，说明让批评和自我批评、约谈函询成为常态，让轻处分成为大多数，让重处分成为少数，让严重违纪涉嫌违法立案审查成为极少数。课程强调抓早抓小、防微杜渐和惩前毖后、治病救人的方针。',
    topics: { 'discipline.four-forms': 0.9 },
  },
  {
    id: 'c-67',
    kind: 'ARTICLE',
    minutes: 20,
    title: '党内监督体系与党员的监督责任',
    summary:
      '本文介绍党委全面监督、纪委专责监督、党的工作部门职能监督、党的基层组织日常监督和党员民主监督构成的党内监督体系。文章说明党员既要自觉接受监督，也要敢于监督、善于监督。',
    topics: { 'discipline.four-forms': 0.7, 'constitution.member-rights': 0.3 },
  },
  {
    id: 'c-68',
    kind: 'EXAM',
    minutes: 30,
    title: '党规党纪知识测试',
    summary: '本测验考查纪律处分条例的基本内容、五种党纪处分和中央八项规定精神等知识。题目包括概念判断和情形分析，完成后可查看详细解析。',
    topics: { 'discipline.regulations-overview': 0.6, 'discipline.sanctions': 0.4, 'discipline.eight-provisions': 0.3 },
  },
];
