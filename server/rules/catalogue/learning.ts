/**
 * Stage requirements (学习要求): what each admission stage must master, with a target mastery (0..1)
 * and a short zh-CN reason shown next to a learning gap. One rule per stage; the learner services read
 * the version in force (server/learning/requirements.ts), so a university administrator changes a
 * stage's required topics or targets from a day on with an override (versioned and audited). An
 * override's params replace whole lists: give the complete `topics` (or `areas`) list to change one.
 *
 * 《中国共产党发展党员工作细则》 asks for the education and training of applicants, activists and
 * candidates; it names no topics or levels, so the document alone is cited, and the topics and
 * targets are this catalogue's own defaults. The topic lists mirror the `requiredFor` marks of the
 * hand-written curriculum (seeds/curriculum/topics.ts, checked by seeds/curriculum/curriculum.test.ts).
 */
import type { MemberStage } from '../../../graph';
import type { StageRequirementParams } from '../evaluators/stage-requirement';
import type { RuleDef } from '../types';

/** The id of the rule that holds a stage's requirements, e.g. `learning.stage-requirements.activist`. */
export const stageRequirementRuleId = (stage: MemberStage) => `learning.stage-requirements.${stage.toLowerCase()}`;

function stageRule(stage: MemberStage, label: string, en: string, params: StageRequirementParams): RuleDef<StageRequirementParams> {
  return {
    id: stageRequirementRuleId(stage),
    version: 1,
    kind: 'stage-requirement',
    appliesTo: 'MEMBER',
    title: { zh: `${label}的学习要求`, en: `What ${en} must master` },
    params,
    effectiveFrom: '2024-01-01',
    citation: {
      document: '中国共产党发展党员工作细则',
      confirmed: false,
      note: '细则要求对入党申请人、积极分子和发展对象进行培养教育，未规定具体知识点与掌握程度；知识点与目标为本目录的默认设置',
    },
  };
}

export const LEARNING_RULES: RuleDef<StageRequirementParams>[] = [
  stageRule('APPLICANT', '入党申请人', 'applicants', {
    areas: [
      { area: 'constitution', target: 0.5, reason: '入党申请人应初步了解党章，认识党的性质和宗旨' },
      { area: 'admission', target: 0.5, reason: '入党申请人应了解入党的基本条件和程序' },
    ],
    topics: [
      { topicId: 'constitution.general-program', target: 0.55, reason: '申请入党首先要了解党的性质、宗旨和奋斗目标' },
      { topicId: 'constitution.membership', target: 0.55, reason: '入党申请人须对照党员条件端正入党动机' },
      { topicId: 'history.founding', target: 0.5, reason: '了解党的创建历史有助于加深对党的认识' },
      { topicId: 'admission.application', target: 0.6, reason: '入党申请人须掌握入党申请书的写法和申请要求' },
      { topicId: 'service.purpose', target: 0.5, reason: '入党申请人应理解全心全意为人民服务的根本宗旨' },
    ],
  }),
  stageRule('ACTIVIST', '入党积极分子', 'activists', {
    areas: [
      { area: 'constitution', target: 0.6, reason: '入党积极分子须系统学习党章' },
      { area: 'admission', target: 0.6, reason: '入党积极分子须熟悉培养考察和发展程序' },
      { area: 'history', target: 0.5, reason: '入党积极分子应学习党史、坚定理想信念' },
    ],
    topics: [
      { topicId: 'constitution.general-program', target: 0.65, reason: '积极分子须准确理解党章总纲的基本内容' },
      { topicId: 'constitution.membership', target: 0.65, reason: '积极分子须以党员标准要求自己' },
      { topicId: 'constitution.member-duties', target: 0.6, reason: '积极分子应提前按党员义务规范言行' },
      { topicId: 'constitution.member-rights', target: 0.6, reason: '积极分子应了解党员享有的民主权利' },
      { topicId: 'history.founding', target: 0.6, reason: '积极分子须了解党的创建和初心使命' },
      { topicId: 'history.new-democratic-revolution', target: 0.55, reason: '积极分子应了解党领导人民夺取革命胜利的历程' },
      { topicId: 'admission.application', target: 0.65, reason: '积极分子须熟悉入党申请的要求' },
      { topicId: 'admission.activist', target: 0.7, reason: '积极分子须了解自身培养教育和考察的要求' },
      { topicId: 'admission.candidate', target: 0.6, reason: '积极分子须了解列为发展对象的条件' },
      { topicId: 'service.purpose', target: 0.6, reason: '积极分子应牢固树立为人民服务的意识' },
      { topicId: 'service.volunteering', target: 0.55, reason: '积极分子应在志愿服务中锻炼提高' },
    ],
  }),
  stageRule('CANDIDATE', '发展对象', 'candidates for admission', {
    areas: [
      { area: 'constitution', target: 0.7, reason: '发展对象须全面掌握党章基本知识' },
      { area: 'admission', target: 0.7, reason: '发展对象须掌握入党程序基本知识' },
      { area: 'theory', target: 0.55, reason: '发展对象须学习党的创新理论' },
    ],
    topics: [
      { topicId: 'constitution.general-program', target: 0.7, reason: '发展对象须牢固掌握党的性质、宗旨和指导思想' },
      { topicId: 'constitution.membership', target: 0.7, reason: '发展对象须对照党员条件查找差距' },
      { topicId: 'constitution.member-duties', target: 0.7, reason: '发展对象须熟知党员八项义务' },
      { topicId: 'constitution.member-rights', target: 0.7, reason: '发展对象须熟知党员八项权利' },
      { topicId: 'constitution.democratic-centralism', target: 0.6, reason: '发展对象须理解民主集中制这一根本组织原则' },
      { topicId: 'history.spirit-lineage', target: 0.6, reason: '发展对象应理解伟大建党精神的内涵' },
      { topicId: 'theory.xi-thought', target: 0.55, reason: '发展对象须学习习近平新时代中国特色社会主义思想' },
      { topicId: 'admission.candidate', target: 0.7, reason: '发展对象须了解集中培训和入党介绍人的要求' },
      { topicId: 'admission.political-review', target: 0.65, reason: '发展对象须了解政治审查的内容和方式' },
      { topicId: 'admission.publicity-and-vote', target: 0.7, reason: '发展对象须掌握公示和支部大会讨论接收的程序' },
      { topicId: 'admission.oath', target: 0.65, reason: '发展对象须理解入党誓词的内涵' },
      { topicId: 'affairs.twentieth-congress', target: 0.55, reason: '发展对象须学习党的二十大精神' },
      { topicId: 'service.purpose', target: 0.7, reason: '发展对象须自觉践行党的根本宗旨' },
    ],
  }),
  stageRule('PROBATIONARY', '预备党员', 'probationary members', {
    areas: [
      { area: 'discipline', target: 0.7, reason: '预备党员须学纪知纪、严守党的纪律' },
      { area: 'organization', target: 0.7, reason: '预备党员须熟悉并参加党的组织生活' },
      { area: 'constitution', target: 0.7, reason: '预备党员须全面履行党章规定的义务' },
    ],
    topics: [
      { topicId: 'constitution.member-duties', target: 0.75, reason: '预备党员的义务同正式党员一样' },
      { topicId: 'constitution.member-rights', target: 0.7, reason: '预备党员须了解自身权利及表决权、选举权方面的限制' },
      { topicId: 'constitution.democratic-centralism', target: 0.7, reason: '预备党员须在组织生活中贯彻民主集中制' },
      { topicId: 'constitution.grassroots', target: 0.65, reason: '预备党员须了解基层党组织的基本任务' },
      { topicId: 'theory.two-establishes', target: 0.65, reason: '预备党员须增强“四个意识”、做到“两个维护”' },
      { topicId: 'discipline.regulations-overview', target: 0.7, reason: '预备党员须掌握纪律处分条例的基本内容' },
      { topicId: 'discipline.political-discipline', target: 0.7, reason: '预备党员须严守政治纪律和政治规矩' },
      { topicId: 'discipline.integrity', target: 0.65, reason: '预备党员须树立廉洁自律意识' },
      { topicId: 'discipline.sanctions', target: 0.6, reason: '预备党员须了解违纪处分的种类' },
      { topicId: 'organization.branch-work', target: 0.65, reason: '预备党员须了解党支部的职责和工作' },
      { topicId: 'organization.three-meetings-one-lesson', target: 0.75, reason: '预备党员须按时参加“三会一课”' },
      { topicId: 'organization.org-life-meeting', target: 0.7, reason: '预备党员须学会在组织生活会上开展批评和自我批评' },
      { topicId: 'organization.party-dues', target: 0.75, reason: '预备党员须按月足额交纳党费' },
      { topicId: 'admission.oath', target: 0.7, reason: '预备党员须践行入党誓词' },
      { topicId: 'admission.probation', target: 0.8, reason: '预备党员须掌握预备期考察和转正的程序' },
      { topicId: 'service.work-style', target: 0.65, reason: '预备党员须发扬党的优良作风' },
    ],
  }),
  stageRule('FULL', '正式党员', 'full members', {
    areas: [
      { area: 'theory', target: 0.75, reason: '正式党员须用党的创新理论武装头脑' },
      { area: 'discipline', target: 0.75, reason: '正式党员须知敬畏、存戒惧、守底线' },
      { area: 'organization', target: 0.75, reason: '正式党员须严格落实组织生活制度' },
      { area: 'affairs', target: 0.65, reason: '正式党员须及时学习党中央重大决策部署' },
      { area: 'constitution', target: 0.7, reason: '正式党员须经常对照党章检视自己' },
      { area: 'service', target: 0.7, reason: '正式党员须发挥先锋模范作用' },
    ],
    topics: [
      { topicId: 'constitution.democratic-centralism', target: 0.75, reason: '正式党员须自觉执行民主集中制' },
      { topicId: 'history.historical-resolutions', target: 0.65, reason: '正式党员须学习党的历史决议和历史经验' },
      { topicId: 'theory.socialism-chinese-characteristics', target: 0.7, reason: '正式党员须掌握中国特色社会主义理论体系' },
      { topicId: 'theory.xi-thought', target: 0.8, reason: '正式党员须深入学习习近平新时代中国特色社会主义思想' },
      { topicId: 'theory.two-establishes', target: 0.8, reason: '正式党员须深刻领悟“两个确立”的决定性意义' },
      { topicId: 'theory.chinese-modernization', target: 0.7, reason: '正式党员须理解中国式现代化的特征和本质要求' },
      { topicId: 'discipline.regulations-overview', target: 0.75, reason: '正式党员须熟知纪律处分条例' },
      { topicId: 'discipline.political-discipline', target: 0.8, reason: '正式党员须把政治纪律摆在首位' },
      { topicId: 'discipline.integrity', target: 0.75, reason: '正式党员须严守廉洁纪律' },
      { topicId: 'discipline.eight-provisions', target: 0.75, reason: '正式党员须落实中央八项规定精神' },
      { topicId: 'discipline.four-forms', target: 0.65, reason: '正式党员须理解监督执纪“四种形态”' },
      { topicId: 'organization.three-meetings-one-lesson', target: 0.8, reason: '正式党员须坚持“三会一课”制度' },
      { topicId: 'organization.org-life-meeting', target: 0.75, reason: '正式党员须开好组织生活会' },
      { topicId: 'organization.member-appraisal', target: 0.7, reason: '正式党员须了解民主评议党员的程序' },
      { topicId: 'organization.party-dues', target: 0.75, reason: '正式党员须按规定交纳党费' },
      { topicId: 'organization.relation-transfer', target: 0.7, reason: '正式党员须按规定及时转接组织关系' },
      { topicId: 'affairs.twentieth-congress', target: 0.75, reason: '正式党员须全面学习党的二十大精神' },
      { topicId: 'affairs.third-plenum-reform', target: 0.65, reason: '正式党员须学习进一步全面深化改革的部署' },
      { topicId: 'service.mass-line', target: 0.7, reason: '正式党员须践行党的群众路线' },
      { topicId: 'service.work-style', target: 0.75, reason: '正式党员须持续加强作风建设' },
    ],
  }),
];
