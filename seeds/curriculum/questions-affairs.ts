/**
 * Quiz questions on current affairs and policy (时事政治与形势政策). Hand-written, zh-CN.
 * Kept to stable, well-established framework facts rather than this year's figures.
 */
import type { QuestionSeed } from './types';

export const affairsQuestions: QuestionSeed[] = [
  // ── 党的二十大精神 ──
  {
    id: 'q-affairs-001', difficulty: 0.15, topics: { 'affairs.twentieth-congress': 1 },
    stem: '中国共产党第二十次全国代表大会于何时在北京召开？',
    options: ['2017年10月', '2021年7月', '2022年10月', '2024年7月'], answer: 2,
    explanation: '党的二十大于2022年10月在北京召开；2017年10月是十九大，2024年7月是二十届三中全会。',
  },
  {
    id: 'q-affairs-002', difficulty: 0.4, topics: { 'affairs.twentieth-congress': 0.7, 'theory.chinese-modernization': 0.3 },
    stem: '党的二十大报告提出，从现在起党的中心任务是什么？',
    options: ['以经济建设为中心，全面建成小康社会', '完成社会主义改造', '打赢脱贫攻坚战', '团结带领全国各族人民全面建成社会主义现代化强国、实现第二个百年奋斗目标，以中国式现代化全面推进中华民族伟大复兴'], answer: 3,
    explanation: '二十大明确了新时代新征程党的中心任务，其实现路径是中国式现代化。',
  },
  {
    id: 'q-affairs-003', difficulty: 0.5, topics: { 'affairs.twentieth-congress': 1 },
    stem: '党的二十大报告主题中，要求弘扬的是什么精神？',
    options: ['劳模精神', '长征精神', '改革创新精神', '伟大建党精神'], answer: 3,
    explanation: '大会主题包含“弘扬伟大建党精神，自信自强、守正创新，踔厉奋发、勇毅前行”。',
  },
  {
    id: 'q-affairs-004', difficulty: 0.5, topics: { 'affairs.twentieth-congress': 1 },
    stem: '党的二十大报告向全党提出的“三个务必”不包括下列哪一项？',
    options: ['务必不忘初心、牢记使命', '务必谦虚谨慎、艰苦奋斗', '务必敢于斗争、善于斗争', '务必追求速度、扩大规模'], answer: 3,
    explanation: '“三个务必”是不忘初心牢记使命、谦虚谨慎艰苦奋斗、敢于斗争善于斗争。',
  },
  {
    id: 'q-affairs-005', difficulty: 0.6, topics: { 'affairs.twentieth-congress': 0.7, 'history.new-era': 0.3 },
    stem: '党的二十大报告指出，新时代十年我们经历了对党和人民事业具有重大现实意义和深远历史意义的三件大事，下列哪一项不属于其中？',
    options: ['恢复在联合国的合法席位', '中国特色社会主义进入新时代', '完成脱贫攻坚、全面建成小康社会的历史任务', '迎来中国共产党成立一百周年'], answer: 0,
    explanation: '三件大事是建党百年、进入新时代、完成脱贫攻坚和全面建成小康社会；恢复联合国席位是1971年的事。',
  },
  {
    id: 'q-affairs-006', difficulty: 0.4, topics: { 'affairs.twentieth-congress': 0.7, 'constitution.general-program': 0.3 },
    stem: '判断：党的二十大审议通过了《中国共产党章程（修正案）》。',
    options: ['正确', '错误'], answer: 0,
    explanation: '二十大通过党章修正案，把大会确定的重要思想观点和战略部署写入党章，现行党章即2022年修订版。',
  },
  {
    id: 'q-affairs-007', difficulty: 0.55, topics: { 'affairs.twentieth-congress': 1 },
    stem: '党的二十大报告指出，全过程人民民主是社会主义民主政治的什么？',
    options: ['本质属性', '次要特征', '临时安排', '外在形式'], answer: 0,
    explanation: '报告强调全过程人民民主是社会主义民主政治的本质属性，是最广泛、最真实、最管用的民主。',
  },
  {
    id: 'q-affairs-008', difficulty: 0.35, topics: { 'affairs.twentieth-congress': 0.6, 'theory.chinese-modernization': 0.4 },
    stem: '党的“两个一百年”奋斗目标中，第二个百年奋斗目标是什么？',
    options: ['在中国共产党成立一百年时全面建成小康社会', '在本世纪末消除所有贫困', '在改革开放一百年时实现共同富裕', '在新中国成立一百年时建成富强民主文明和谐美丽的社会主义现代化强国'], answer: 3,
    explanation: '第一个百年目标已于建党百年时实现；第二个百年目标是新中国成立百年时建成社会主义现代化强国。',
  },
  // ── 进一步全面深化改革 ──
  {
    id: 'q-affairs-009', difficulty: 0.3, topics: { 'affairs.third-plenum-reform': 1 },
    stem: '审议通过《中共中央关于进一步全面深化改革、推进中国式现代化的决定》的是哪次会议？',
    options: ['党的十八届三中全会', '党的十九届四中全会', '党的二十届三中全会', '党的二十大'], answer: 2,
    explanation: '2024年7月召开的党的二十届三中全会审议通过了这一决定。',
  },
  {
    id: 'q-affairs-010', difficulty: 0.6, topics: { 'affairs.third-plenum-reform': 1 },
    stem: '二十届三中全会提出，到什么时候完成《决定》提出的改革任务？',
    options: ['2025年', '2029年中华人民共和国成立八十周年时', '2035年', '2049年'], answer: 1,
    explanation: '全会要求到2029年新中国成立八十周年时完成决定提出的改革任务，为2035年基本实现现代化奠定基础。',
  },
  {
    id: 'q-affairs-011', difficulty: 0.45, topics: { 'affairs.third-plenum-reform': 1 },
    stem: '进一步全面深化改革的总目标是什么？',
    options: ['全面私有化', '实现经济总量世界第一', '建立计划经济体制', '继续完善和发展中国特色社会主义制度，推进国家治理体系和治理能力现代化'], answer: 3,
    explanation: '这一总目标与十八届三中全会提出的全面深化改革总目标一脉相承。',
  },
  {
    id: 'q-affairs-012', difficulty: 0.5, topics: { 'affairs.third-plenum-reform': 0.6, 'affairs.economy': 0.4 },
    stem: '党的十八届三中全会提出，要使市场在资源配置中起什么作用，并更好发挥政府作用？',
    options: ['决定性作用', '基础性作用', '辅助性作用', '唯一作用'], answer: 0,
    explanation: '从“基础性作用”到“决定性作用”，是对政府和市场关系认识的重大突破。',
  },
  {
    id: 'q-affairs-013', difficulty: 0.35, topics: { 'affairs.third-plenum-reform': 0.7, 'history.reform-opening': 0.3 },
    stem: '改革开放被称为决定当代中国命运的什么？',
    options: ['关键一招', '权宜之计', '局部试验', '短期政策'], answer: 0,
    explanation: '改革开放是决定当代中国命运的关键一招，也是实现中国式现代化的根本动力。',
  },
  {
    id: 'q-affairs-014', difficulty: 0.65, topics: { 'affairs.third-plenum-reform': 1 },
    stem: '二十届三中全会提出进一步全面深化改革要贯彻的原则中，不包括下列哪一项？',
    options: ['坚持党的全面领导', '坚持以人民为中心', '坚持以制度建设为主线', '坚持照搬其他国家的发展模式'], answer: 3,
    explanation: '全会提出坚持党的全面领导、以人民为中心、守正创新、以制度建设为主线、全面依法治国、系统观念等原则，改革要从国情出发。',
  },
  {
    id: 'q-affairs-015', difficulty: 0.55, topics: { 'affairs.third-plenum-reform': 0.7, 'affairs.education-science-talent': 0.3 },
    stem: '二十届三中全会提出要深化哪三者体制机制一体改革？',
    options: ['城市、农村、边疆', '财政、税收、金融', '工业、农业、服务业', '教育、科技、人才'], answer: 3,
    explanation: '教育、科技、人才是中国式现代化的基础性、战略性支撑，需要统筹推进体制机制改革。',
  },
  {
    id: 'q-affairs-016', difficulty: 0.55, topics: { 'affairs.third-plenum-reform': 0.6, 'affairs.economy': 0.4 },
    stem: '二十届三中全会指出，高水平社会主义市场经济体制是中国式现代化的什么？',
    options: ['重要保障', '唯一目标', '次要内容', '临时措施'], answer: 0,
    explanation: '全会要求构建高水平社会主义市场经济体制，为高质量发展提供重要保障。',
  },
  // ── 经济形势与高质量发展 ──
  {
    id: 'q-affairs-017', difficulty: 0.35, topics: { 'affairs.economy': 0.7, 'affairs.twentieth-congress': 0.3 },
    stem: '党的二十大报告指出，全面建设社会主义现代化国家的首要任务是什么？',
    options: ['高质量发展', '扩大投资规模', '提高出口总额', '加快城镇化'], answer: 0,
    explanation: '高质量发展是全面建设社会主义现代化国家的首要任务，体现新发展理念的要求。',
  },
  {
    id: 'q-affairs-018', difficulty: 0.55, topics: { 'affairs.economy': 1 },
    stem: '我国社会主义基本经济制度包括哪些内容？',
    options: ['单一公有制和计划经济', '公有制为主体、多种所有制经济共同发展，按劳分配为主体、多种分配方式并存，社会主义市场经济体制', '私有制为主体、自由市场经济', '按需分配、计划调节'], answer: 1,
    explanation: '十九届四中全会把所有制、分配制度和社会主义市场经济体制一并纳入基本经济制度。',
  },
  {
    id: 'q-affairs-019', difficulty: 0.45, topics: { 'affairs.economy': 1 },
    stem: '“两个毫不动摇”是指什么？',
    options: ['毫不动摇发展工业，毫不动摇发展农业', '毫不动摇扩大出口，毫不动摇增加投资', '毫不动摇巩固和发展公有制经济，毫不动摇鼓励、支持、引导非公有制经济发展', '毫不动摇提高税收，毫不动摇压缩开支'], answer: 2,
    explanation: '“两个毫不动摇”是我国坚持基本经济制度的重要方针。',
  },
  {
    id: 'q-affairs-020', difficulty: 0.65, topics: { 'affairs.economy': 1 },
    stem: '新质生产力的核心标志是什么？',
    options: ['投资规模大幅扩张', '劳动力数量大幅增加', '资源消耗大幅增长', '全要素生产率大幅提升'], answer: 3,
    explanation: '新质生产力由创新起主导作用，以全要素生产率大幅提升为核心标志。',
  },
  {
    id: 'q-affairs-021', difficulty: 0.4, topics: { 'affairs.economy': 1 },
    stem: '发展新质生产力，各地应当坚持什么原则？',
    options: ['因地制宜', '一哄而上、一窝蜂搞同样的产业', '放弃传统产业', '只搞金融业'], answer: 0,
    explanation: '要因地制宜发展新质生产力，结合本地资源禀赋和产业基础，不搞一种模式。',
  },
  {
    id: 'q-affairs-022', difficulty: 0.45, topics: { 'affairs.economy': 1 },
    stem: '建设现代化产业体系，要把发展经济的着力点放在哪里？',
    options: ['虚拟经济', '实体经济', '房地产', '对外借债'], answer: 1,
    explanation: '实体经济是一国经济的立身之本，建设现代化产业体系要坚持把着力点放在实体经济上。',
  },
  {
    id: 'q-affairs-023', difficulty: 0.35, topics: { 'affairs.economy': 0.7, 'service.purpose': 0.3 },
    stem: '在民生工作中，被称为“最基本的民生”的是什么？',
    options: ['娱乐', '旅游', '就业', '购物'], answer: 2,
    explanation: '就业是最基本的民生，关系千家万户的生计，稳就业是经济工作的重点。',
  },
  {
    id: 'q-affairs-024', difficulty: 0.5, topics: { 'affairs.economy': 0.7, 'theory.new-development-philosophy': 0.3 },
    stem: '构建新发展格局，要坚持把什么作为战略基点？',
    options: ['减少投资', '压缩消费', '依赖外需', '扩大内需'], answer: 3,
    explanation: '扩大内需是构建以国内大循环为主体的新发展格局的战略基点。',
  },
  // ── 乡村振兴与共同富裕 ──
  {
    id: 'q-affairs-025', difficulty: 0.45, topics: { 'affairs.rural-common-prosperity': 1 },
    stem: '乡村振兴战略的总要求是什么？',
    options: ['产业兴旺、生态宜居、乡风文明、治理有效、生活富裕', '生产发展、生活宽裕、乡风文明、村容整洁、管理民主', '经济繁荣、政治稳定、文化昌盛', '城乡一体、全面开放'], answer: 0,
    explanation: '乡村振兴二十字总要求是产业兴旺、生态宜居、乡风文明、治理有效、生活富裕；“生产发展、生活宽裕、乡风文明、村容整洁、管理民主”是此前社会主义新农村建设的要求。',
  },
  {
    id: 'q-affairs-026', difficulty: 0.4, topics: { 'affairs.rural-common-prosperity': 1 },
    stem: '全面推进乡村振兴的“五个振兴”不包括下列哪一项？',
    options: ['产业振兴', '房地产振兴', '组织振兴', '人才振兴'], answer: 1,
    explanation: '“五个振兴”是产业、人才、文化、生态、组织振兴。',
  },
  {
    id: 'q-affairs-027', difficulty: 0.45, topics: { 'affairs.rural-common-prosperity': 1 },
    stem: '为保障国家粮食安全，我国坚守的耕地保护红线是多少？',
    options: ['10亿亩', '15亿亩', '18亿亩', '25亿亩'], answer: 2,
    explanation: '坚守18亿亩耕地红线，是端牢中国饭碗的基础。',
  },
  {
    id: 'q-affairs-028', difficulty: 0.25, topics: { 'affairs.rural-common-prosperity': 1 },
    stem: '关于粮食安全，常说“中国人的饭碗任何时候都要牢牢端在”哪里？',
    options: ['少数大企业手中', '国际市场手中', '自己手中', '外国供应商手中'], answer: 2,
    explanation: '我们的饭碗应当主要装中国粮，粮食安全是“国之大者”。',
  },
  {
    id: 'q-affairs-029', difficulty: 0.5, topics: { 'affairs.rural-common-prosperity': 1 },
    stem: '脱贫攻坚任务完成后，巩固拓展脱贫攻坚成果要守住什么底线？',
    options: ['所有农村人口进城', '不允许任何人收入下降', '不再扶持脱贫地区', '不发生规模性返贫'], answer: 3,
    explanation: '守住不发生规模性返贫的底线，是巩固拓展脱贫攻坚成果同乡村振兴有效衔接的要求。',
  },
  {
    id: 'q-affairs-030', difficulty: 0.55, topics: { 'affairs.rural-common-prosperity': 1 },
    stem: '乡村振兴战略是在哪次会议上首次提出的？',
    options: ['党的十八大', '党的十九大', '党的二十大', '十八届五中全会'], answer: 1,
    explanation: '2017年党的十九大报告首次提出实施乡村振兴战略。',
  },
  {
    id: 'q-affairs-031', difficulty: 0.45, topics: { 'affairs.rural-common-prosperity': 1 },
    stem: '关于扎实推动共同富裕，下列说法正确的是哪一项？',
    options: ['要在高质量发展中促进共同富裕', '共同富裕就是搞平均主义', '共同富裕可以一蹴而就', '共同富裕只涉及物质生活'], answer: 0,
    explanation: '共同富裕要在高质量发展中推进，是一个长期的历史过程，涵盖物质和精神生活。',
  },
  {
    id: 'q-affairs-032', difficulty: 0.6, topics: { 'affairs.rural-common-prosperity': 1 },
    stem: '在初次分配、再分配、第三次分配协调配套的制度体系中，第三次分配主要指什么？',
    options: ['市场按要素贡献分配', '企业和个人自愿通过慈善等公益方式参与分配', '政府通过税收和社会保障调节', '银行发放贷款'], answer: 1,
    explanation: '第三次分配是在自愿基础上，通过慈善捐赠等公益方式帮助他人，是对前两次分配的补充。',
  },
  // ── 总体国家安全观 ──
  {
    id: 'q-affairs-033', difficulty: 0.3, topics: { 'affairs.national-security': 1 },
    stem: '每年的全民国家安全教育日是哪一天？',
    options: ['3月15日', '4月15日', '9月3日', '12月4日'], answer: 1,
    explanation: '全民国家安全教育日是4月15日；12月4日是国家宪法日。',
  },
  {
    id: 'q-affairs-034', difficulty: 0.5, topics: { 'affairs.national-security': 1 },
    stem: '总体国家安全观强调以什么为宗旨、以什么为根本？',
    options: ['以国土安全为宗旨，以文化安全为根本', '以经济安全为宗旨，以军事安全为根本', '以人民安全为宗旨，以政治安全为根本', '以网络安全为宗旨，以社会安全为根本'], answer: 2,
    explanation: '总体国家安全观以人民安全为宗旨、以政治安全为根本、以经济安全为基础。',
  },
  {
    id: 'q-affairs-035', difficulty: 0.5, topics: { 'affairs.national-security': 1 },
    stem: '总体国家安全观是在哪一年提出的？',
    options: ['2012年', '2014年', '2017年', '2020年'], answer: 1,
    explanation: '2014年4月中央国家安全委员会第一次全体会议上提出了总体国家安全观。',
  },
  {
    id: 'q-affairs-036', difficulty: 0.4, topics: { 'affairs.national-security': 1 },
    stem: '“没有网络安全就没有国家安全”，对大学生来说下列哪种做法是正确的？',
    options: ['在社交平台随意发布涉密单位的内部照片', '为赚钱出售自己的账号', '把实验室数据上传到境外不明网站', '不点击来路不明的链接，不泄露个人和单位的敏感信息'], answer: 3,
    explanation: '增强网络安全意识，保护个人信息和敏感数据，是每个公民维护国家安全的具体行动。',
  },
  {
    id: 'q-affairs-037', difficulty: 0.55, topics: { 'affairs.national-security': 1 },
    stem: '发现危害国家安全的可疑线索，可以拨打国家安全机关的举报受理电话是多少？',
    options: ['110', '12345', '12339', '12315'], answer: 2,
    explanation: '12339是国家安全机关举报受理电话；12345是政务服务便民热线，12315是消费者投诉举报电话。',
  },
  {
    id: 'q-affairs-038', difficulty: 0.35, topics: { 'affairs.national-security': 1 },
    stem: '关于保守国家秘密，下列做法正确的是哪一项？',
    options: ['涉密材料按规定存放和传递，不在非涉密设备上处理', '用微信传送涉密文件', '在连接互联网的计算机上处理涉密信息', '把涉密文件带回家随意放置'], answer: 0,
    explanation: '严格保守党和国家的秘密是党员义务，涉密信息必须在符合规定的设备和渠道中处理。',
  },
  {
    id: 'q-affairs-039', difficulty: 0.2, topics: { 'affairs.national-security': 1 },
    stem: '判断：维护国家安全只是军队、警察和国家安全机关的事，与普通公民无关。',
    options: ['正确', '错误'], answer: 1,
    explanation: '维护国家安全是全社会的共同责任，每个公民都有维护国家安全的义务。',
  },
  {
    id: 'q-affairs-040', difficulty: 0.6, topics: { 'affairs.national-security': 1 },
    stem: '现行《中华人民共和国国家安全法》是哪一年通过的？',
    options: ['2005年', '2015年', '2018年', '2021年'], answer: 1,
    explanation: '2015年7月全国人大常委会通过了现行国家安全法，并将4月15日确定为全民国家安全教育日。',
  },
  // ── 国际形势与中国外交 ──
  {
    id: 'q-affairs-041', difficulty: 0.3, topics: { 'affairs.international': 1 },
    stem: '中国倡导构建的、回答“世界怎么了、我们怎么办”的理念是什么？',
    options: ['单极世界', '人类命运共同体', '零和博弈', '集团对抗'], answer: 1,
    explanation: '推动构建人类命运共同体是中国特色大国外交的总目标之一，倡导合作共赢。',
  },
  {
    id: 'q-affairs-042', difficulty: 0.35, topics: { 'affairs.international': 1 },
    stem: '“一带一路”倡议是哪一年提出的？',
    options: ['2008年', '2013年', '2017年', '2020年'], answer: 1,
    explanation: '2013年习近平主席先后提出共建丝绸之路经济带和21世纪海上丝绸之路的倡议。',
  },
  {
    id: 'q-affairs-043', difficulty: 0.5, topics: { 'affairs.international': 1 },
    stem: '下列哪一项是中国提出的全球倡议？',
    options: ['门罗主义', '马歇尔计划', '全球文明倡议', '布雷顿森林体系'], answer: 2,
    explanation: '中国先后提出全球发展倡议、全球安全倡议和全球文明倡议；其余选项都是他国主导的历史方案。',
  },
  {
    id: 'q-affairs-044', difficulty: 0.45, topics: { 'affairs.international': 1 },
    stem: '和平共处五项原则不包括下列哪一项？',
    options: ['互相尊重主权和领土完整', '互不干涉内政', '平等互利', '结盟对抗'], answer: 3,
    explanation: '五项原则是互相尊重主权和领土完整、互不侵犯、互不干涉内政、平等互利、和平共处。',
  },
  {
    id: 'q-affairs-045', difficulty: 0.4, topics: { 'affairs.international': 1 },
    stem: '在台湾问题上，中国政府始终坚持的根本原则是什么？',
    options: ['一个中国原则', '两个中国', '一中一台', '台湾地位未定'], answer: 0,
    explanation: '世界上只有一个中国，台湾是中国领土不可分割的一部分，一个中国原则是两岸关系的政治基础。',
  },
  {
    id: 'q-affairs-046', difficulty: 0.3, topics: { 'affairs.international': 1 },
    stem: '我国长期坚持的外交政策是什么？',
    options: ['结盟扩张政策', '独立自主的和平外交政策', '闭关锁国政策', '依附大国政策'], answer: 1,
    explanation: '我国坚持独立自主的和平外交政策，维护国家主权、安全、发展利益。',
  },
  {
    id: 'q-affairs-047', difficulty: 0.55, topics: { 'affairs.international': 1 },
    stem: '以中国城市命名、2001年成立的区域性国际组织是哪一个？',
    options: ['东南亚国家联盟', '亚太经合组织', '上海合作组织', '金砖国家'], answer: 2,
    explanation: '上海合作组织于2001年在上海宣布成立，以“上海精神”为核心价值。',
  },
  {
    id: 'q-affairs-048', difficulty: 0.2, topics: { 'affairs.international': 1 },
    stem: '判断：中国是联合国安全理事会常任理事国之一。',
    options: ['正确', '错误'], answer: 0,
    explanation: '中国是联合国创始会员国和安理会五个常任理事国之一。',
  },
  // ── 生态文明 ──
  {
    id: 'q-affairs-049', difficulty: 0.45, topics: { 'affairs.ecology': 1 },
    stem: '“绿水青山就是金山银山”理念最早是在哪里提出的？',
    options: ['福建宁德', '河南兰考', '贵州遵义', '浙江安吉余村'], answer: 3,
    explanation: '2005年习近平同志在浙江安吉余村考察时提出了“绿水青山就是金山银山”。',
  },
  {
    id: 'q-affairs-050', difficulty: 0.35, topics: { 'affairs.ecology': 1 },
    stem: '我国提出的“双碳”目标是什么？',
    options: ['2030年前碳达峰，2060年前碳中和', '2025年碳达峰，2035年碳中和', '2035年碳达峰，2050年碳中和', '2020年碳达峰，2030年碳中和'], answer: 0,
    explanation: '我国力争2030年前实现碳达峰、2060年前实现碳中和。',
  },
  {
    id: 'q-affairs-051', difficulty: 0.5, topics: { 'affairs.ecology': 1 },
    stem: '全面推行的“河长制”中，河长一般由谁担任？',
    options: ['各级党政主要负责人或负责同志', '环保志愿者', '企业负责人', '渔民代表'], answer: 0,
    explanation: '河长制由各级党政负责同志担任河长，压实地方保护水生态的责任。',
  },
  {
    id: 'q-affairs-052', difficulty: 0.6, topics: { 'affairs.ecology': 1 },
    stem: '我国设立的全国生态日是哪一天？',
    options: ['3月12日', '6月5日', '8月15日', '4月22日'], answer: 2,
    explanation: '全国生态日是8月15日，纪念“两山”理念提出的日子；3月12日是植树节，6月5日是世界环境日，4月22日是世界地球日。',
  },
  {
    id: 'q-affairs-053', difficulty: 0.3, topics: { 'affairs.ecology': 0.7, 'theory.chinese-modernization': 0.3 },
    stem: '中国式现代化在处理人与自然关系上的特征是什么？',
    options: ['先污染后治理', '人与自然和谐共生', '以牺牲环境换取增长', '环境保护与发展对立'], answer: 1,
    explanation: '中国式现代化是人与自然和谐共生的现代化，坚持节约优先、保护优先、自然恢复为主。',
  },
  {
    id: 'q-affairs-054', difficulty: 0.55, topics: { 'affairs.ecology': 1 },
    stem: '由中央统一部署、对地方和有关部门落实生态环境保护责任开展的督察称为什么？',
    options: ['审计署专项审计', '中央巡视', '中央生态环境保护督察', '人大执法检查'], answer: 2,
    explanation: '中央生态环境保护督察是压实生态环境保护政治责任的重要制度。',
  },
  {
    id: 'q-affairs-055', difficulty: 0.5, topics: { 'affairs.ecology': 1 },
    stem: '生态保护强调坚持“山水林田湖草沙”怎样的保护和系统治理？',
    options: ['只保护森林', '分散化', '逐个击破、互不相关', '一体化'], answer: 3,
    explanation: '生态是统一的自然系统，要坚持山水林田湖草沙一体化保护和系统治理。',
  },
  {
    id: 'q-affairs-056', difficulty: 0.15, topics: { 'affairs.ecology': 1 },
    stem: '作为大学生，下列哪种做法符合绿色低碳生活方式？',
    options: ['垃圾分类投放、践行“光盘行动”', '长明灯、长流水', '大量使用一次性餐具', '短距离也坚持打车'], answer: 0,
    explanation: '垃圾分类、节约粮食、绿色出行都是践行绿色低碳生活的具体做法。',
  },
  // ── 教育、科技、人才 ──
  {
    id: 'q-affairs-057', difficulty: 0.4, topics: { 'affairs.education-science-talent': 1 },
    stem: '党的二十大报告指出，哪三者是全面建设社会主义现代化国家的基础性、战略性支撑？',
    options: ['资本、土地、劳动', '教育、科技、人才', '工业、农业、国防', '城市、乡村、边疆'], answer: 1,
    explanation: '报告把教育、科技、人才统筹部署，强调科技是第一生产力、人才是第一资源、创新是第一动力。',
  },
  {
    id: 'q-affairs-058', difficulty: 0.45, topics: { 'affairs.education-science-talent': 1 },
    stem: '“科技是第一生产力、人才是第一资源、创新是第一动力”中，“第一资源”指的是什么？',
    options: ['资本', '土地', '人才', '能源'], answer: 2,
    explanation: '人才是第一资源，要坚持人才引领驱动。',
  },
  {
    id: 'q-affairs-059', difficulty: 0.55, topics: { 'affairs.education-science-talent': 1 },
    stem: '按照党的二十大部署，我国要在哪一年建成教育强国、科技强国、人才强国？',
    options: ['2025年', '2030年', '2035年', '2049年'], answer: 2,
    explanation: '二十大报告提出到2035年建成教育强国、科技强国、人才强国、文化强国、体育强国、健康中国。',
  },
  {
    id: 'q-affairs-060', difficulty: 0.3, topics: { 'affairs.education-science-talent': 0.7, 'service.campus-service': 0.3 },
    stem: '高校的根本任务是什么？',
    options: ['扩大招生', '追求排名', '创收创利', '立德树人'], answer: 3,
    explanation: '立德树人是教育的根本任务，也是检验高校一切工作的根本标准。',
  },
  {
    id: 'q-affairs-061', difficulty: 0.5, topics: { 'affairs.education-science-talent': 1 },
    stem: '教育的根本问题是什么？',
    options: ['培养什么人、怎样培养人、为谁培养人', '学校规模有多大', '学费收多少', '毕业率有多高'], answer: 0,
    explanation: '回答好培养什么人、怎样培养人、为谁培养人，是办好教育的根本问题。',
  },
  {
    id: 'q-affairs-062', difficulty: 0.3, topics: { 'affairs.education-science-talent': 1 },
    stem: '高校“双一流”建设中的“双一流”是指什么？',
    options: ['世界一流大学和一流学科', '一流校园和一流食堂', '一流教师和一流学生', '一流设备和一流图书馆'], answer: 0,
    explanation: '“双一流”即建设世界一流大学和一流学科。',
  },
  {
    id: 'q-affairs-063', difficulty: 0.7, topics: { 'affairs.education-science-talent': 1 },
    stem: '科教兴国战略是在哪一年正式提出的？',
    options: ['1978年', '1995年', '2002年', '2012年'], answer: 1,
    explanation: '1995年全国科学技术大会提出实施科教兴国战略。',
  },
  {
    id: 'q-affairs-064', difficulty: 0.5, topics: { 'affairs.education-science-talent': 1 },
    stem: '2024年完成人类首次月球背面采样返回任务的探测器是哪一个？',
    options: ['嫦娥四号', '嫦娥五号', '嫦娥六号', '天问一号'], answer: 2,
    explanation: '嫦娥六号实现人类首次月球背面采样返回；嫦娥五号2020年完成月球正面采样返回。',
  },
  {
    id: 'q-affairs-065', difficulty: 0.35, topics: { 'affairs.education-science-talent': 1 },
    stem: '我国教育要培养的是什么样的人？',
    options: ['只会考试的人', '德智体美劳全面发展的社会主义建设者和接班人', '只重技能不重品德的人', '只追求个人成功的人'], answer: 1,
    explanation: '培养德智体美劳全面发展的社会主义建设者和接班人，是我国教育的目标。',
  },
];
