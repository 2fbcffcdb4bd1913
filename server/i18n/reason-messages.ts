/**
 * The dictionary of reasons: every reason code with its typed parameters and its text in zh-CN and
 * en. `{name}` is a parameter; `[…]` is a segment shown only when every parameter inside it is
 * given (a kind ending in `?` is optional). TEXT parameters are content in its original language
 * (course titles, the curriculum's notes on a requirement); English leaves out the Chinese notes.
 */
export const REASON_MESSAGES = {
  LEGACY_TEXT: {
    params: { text: 'TEXT' },
    'zh-CN': '{text}',
    en: '{text}',
  },
  GAP_STAGE_TOPIC: {
    params: { stage: 'STAGE', topic: 'TOPIC', target: 'SHARE', mastery: 'SHARE', note: 'NOTE?', noteText: 'TEXT?' },
    'zh-CN': '{stage}须掌握「{topic}」（要求 {target}，当前 {mastery}）[：{note}][：{noteText}]',
    en: 'The {stage} stage requires "{topic}" at {target} (now {mastery})[: {note}][: "{noteText}"]',
  },
  GAP_STAGE_AREA: {
    params: { stage: 'STAGE', area: 'AREA', target: 'SHARE', areaMastery: 'SHARE', mastery: 'SHARE', note: 'NOTE?', noteText: 'TEXT?' },
    'zh-CN': '{stage}要求「{area}」整体掌握度达到 {target}（整体 {areaMastery}，本知识点 {mastery}）[：{note}][：{noteText}]',
    en: 'The {stage} stage requires {target} across "{area}" (area {areaMastery}, this topic {mastery})[: {note}][: "{noteText}"]',
  },
  GAP_BRANCH_MEETINGS: {
    params: { days: 'COUNT', topic: 'TOPIC', meetings: 'COUNT', mastery: 'SHARE' },
    'zh-CN': '支部近 {days} 天的组织生活讨论了「{topic}」（{meetings} 次会议），你的掌握度为 {mastery}',
    en: 'Branch meetings of the last {days} days discussed "{topic}" ({meetings} meetings); your mastery is {mastery}',
  },
  GAP_PLAN_PREREQUISITE: {
    params: { course: 'TEXT', course2: 'TEXT?', topic: 'TOPIC', mastery: 'SHARE' },
    'zh-CN': '学习计划中的课程「{course}」[「{course2}」]以「{topic}」为先修知识，当前掌握度 {mastery}',
    en: 'The course "{course}"[ and "{course2}"] in your study plan builds on "{topic}"; your mastery is {mastery}',
  },
  GAP_ANSWERS_WEAK: {
    params: { answers: 'COUNT', correct: 'COUNT', mastery: 'SHARE' },
    'zh-CN': '最近 {answers} 次相关答题只答对 {correct} 次，掌握度估计为 {mastery}',
    en: 'Only {correct} of the last {answers} related answers were right; estimated mastery {mastery}',
  },
  GAP_ANSWERS_MOSTLY_WRONG: {
    params: { answers: 'COUNT', correct: 'COUNT' },
    'zh-CN': '最近 {answers} 次相关答题只答对 {correct} 次',
    en: 'Only {correct} of the last {answers} related answers were right',
  },
  GAP_ANSWERS_RECENT: {
    params: { answers: 'COUNT', correct: 'COUNT' },
    'zh-CN': '最近 {answers} 次相关答题答对 {correct} 次',
    en: '{correct} of the last {answers} related answers were right',
  },
  GAP_REVIEW_OVERDUE: {
    params: { was: 'SHARE', now: 'SHARE' },
    'zh-CN': '复习已逾期：上次学习或答题后掌握度为 {was}，遗忘后降到 {now}',
    en: 'Review overdue: mastery was {was} after the last study or answer and has faded to {now}',
  },
  GAP_WEAK_PREREQUISITE: {
    params: { prerequisite: 'TOPIC' },
    'zh-CN': '还没有学习过本知识点，而它的先修知识「{prerequisite}」最近答题多数答错',
    en: 'Not studied yet, and recent answers on its prerequisite "{prerequisite}" were mostly wrong',
  },
  NOT_ASSESSED_FEW_ANSWERS: {
    params: { answers: 'COUNT', correct: 'COUNT' },
    'zh-CN': '已有 {answers} 次相关答题（答对 {correct} 次），还不足以判断是否为短板',
    en: '{answers} related answers so far ({correct} right): not enough to tell whether this is a gap',
  },
  NOT_ASSESSED_STUDIED_ONLY: {
    params: {},
    'zh-CN': '学习过相关课程，但还没有相关答题记录',
    en: 'A related course was studied, but there are no related answers yet',
  },
  NOT_ASSESSED_NOTHING: {
    params: {},
    'zh-CN': '还没有相关学习或答题记录',
    en: 'No related study or answers yet',
  },
  PRACTICE_GAP: {
    params: { topic: 'TOPIC', mastery: 'SHARE' },
    'zh-CN': '针对你的学习短板「{topic}」（当前掌握度 {mastery}）',
    en: 'Practises your gap "{topic}" (mastery now {mastery})',
  },
  PRACTICE_REVIEW: {
    params: { topic: 'TOPIC', mastery: 'SHARE' },
    'zh-CN': '巩固练习「{topic}」（当前掌握度 {mastery}）',
    en: 'Consolidates "{topic}" (mastery now {mastery})',
  },
  PLAN_REVIEW: {
    params: { topic: 'TOPIC', was: 'SHARE', now: 'SHARE' },
    'zh-CN': '复习「{topic}」：上次估计掌握度 {was}，因遗忘已降到约 {now}；按间隔复习巩固',
    en: 'Review "{topic}": last estimated at {was}, faded to about {now}; a spaced review keeps it',
  },
  LECTURE_COMMON_GAP: {
    params: { members: 'COUNT', withGap: 'COUNT', topic: 'TOPIC' },
    'zh-CN': '本支部 {members} 名成员中有 {withGap} 人在「{topic}」上存在学习短板，是全支部最常见的短板，建议下次党课以此为主题',
    en: '{withGap} of the branch\'s {members} members have a gap on "{topic}", the most common gap in the branch: a good theme for the next party lecture',
  },
  REC_POPULAR: {
    params: { courseKind: 'COURSE_KIND', title: 'TEXT', minutes: 'COUNT' },
    'zh-CN': '这门{courseKind}《{title}》（约 {minutes} 分钟）在本支部学习的人较多，适合作为入门学习',
    en: 'This {courseKind} "{title}" (about {minutes} min) is studied by many in your branch: a good start',
  },
  REC_PREREQUISITE_OF_GAP: {
    params: { gapTopic: 'TOPIC', topic: 'TOPIC', mastery: 'SHARE', courseKind: 'COURSE_KIND', title: 'TEXT', minutes: 'COUNT' },
    'zh-CN':
      '你要补的短板「{gapTopic}」以「{topic}」为先修知识，而你对「{topic}」的掌握度只有 {mastery}。建议先学这门{courseKind}《{title}》（约 {minutes} 分钟）打好基础，再学「{gapTopic}」会更顺利',
    en: 'Your gap "{gapTopic}" builds on "{topic}", where your mastery is only {mastery}. Start with this {courseKind} "{title}" (about {minutes} min); "{gapTopic}" comes easier after it',
  },
  REC_PREREQUISITE_OF_REQUIRED: {
    params: { gapTopic: 'TOPIC', topic: 'TOPIC', mastery: 'SHARE', courseKind: 'COURSE_KIND', title: 'TEXT', minutes: 'COUNT' },
    'zh-CN':
      '你这个阶段要求掌握「{gapTopic}」，它以「{topic}」为先修知识，而你对「{topic}」的掌握度只有 {mastery}。建议先学这门{courseKind}《{title}》（约 {minutes} 分钟）打好基础，再学「{gapTopic}」会更顺利',
    en: 'Your stage requires "{gapTopic}", which builds on "{topic}", where your mastery is only {mastery}. Start with this {courseKind} "{title}" (about {minutes} min); "{gapTopic}" comes easier after it',
  },
  REC_REQUIRED: {
    params: { topic: 'TOPIC', target: 'SHARE', courseKind: 'COURSE_KIND', title: 'TEXT', minutes: 'COUNT', other1: 'TOPIC?', other2: 'TOPIC?' },
    'zh-CN':
      '「{topic}」是你这个阶段要求掌握的内容（要求 {target}），目前还没有评估（尚未评估，不算短板）。这门{courseKind}《{title}》（约 {minutes} 分钟）讲这部分内容[，还涉及「{other1}」][「{other2}」]，学完后做几道相关练习即可评估',
    en: 'Your stage requires "{topic}" (target {target}); it is not assessed yet (not a gap). This {courseKind} "{title}" (about {minutes} min) covers it[, and also "{other1}"][ and "{other2}"]; a few related questions afterwards assess it',
  },
  REC_GAP: {
    params: { topic: 'TOPIC', mastery: 'SHARE', courseKind: 'COURSE_KIND', title: 'TEXT', minutes: 'COUNT', other1: 'TOPIC?', other2: 'TOPIC?' },
    'zh-CN': '你在「{topic}」上还有短板（掌握度 {mastery}），这门{courseKind}《{title}》（约 {minutes} 分钟）正好讲这部分内容[，还涉及「{other1}」][「{other2}」]',
    en: 'You have a gap on "{topic}" (mastery {mastery}); this {courseKind} "{title}" (about {minutes} min) covers it[, and also "{other1}"][ and "{other2}"]',
  },
  REC_PEERS_COMPLETED: {
    params: { peers: 'COUNT', completed: 'COUNT' },
    'zh-CN': '与你学习短板相近的 {peers} 位支部同志中，有 {completed} 位学完了这门课程',
    en: 'Of {peers} members of your branch with gaps like yours, {completed} completed this course',
  },
  REC_BRANCH_SESSIONS: {
    params: { sessions: 'COUNT' },
    'zh-CN': '本支部同志近半年学习这门课程 {sessions} 次',
    en: 'Members of your branch studied this course {sessions} times in the last six months',
  },
  OBL_DUES_ARREARS: {
    params: { member: 'TEXT', months: 'COUNT' },
    'zh-CN': '{member}，已连续{months}个月未交',
    en: '{member}, {months} months unpaid in a row',
  },
  OBL_UNPAID_SINCE: {
    params: { month: 'TEXT' },
    'zh-CN': '{month} 起未交',
    en: 'unpaid since {month}',
  },
  OBL_LETTER_VALID: {
    params: { letter: 'TEXT', until: 'DATE' },
    'zh-CN': '{letter}，有效期至{until}',
    en: '{letter}, valid until {until}',
  },
  OBL_PERIOD: {
    params: { period: 'TEXT' },
    'zh-CN': '{period}',
    en: '{period}',
  },
  OBL_DONE_LATE: {
    params: {},
    'zh-CN': '逾期完成',
    en: 'done late',
  },
  ASSESS_RULES: {
    params: { due: 'COUNT', met: 'COUNT' },
    'zh-CN': '{due} 项到期，按期完成 {met} 项',
    en: '{due} fell due, {met} done on time',
  },
  ASSESS_RULES_NONE: {
    params: {},
    'zh-CN': '本季度没有到期事项（无数据）',
    en: 'Nothing fell due this quarter (no data)',
  },
  ASSESS_ATTENDANCE: {
    params: { records: 'COUNT', present: 'COUNT' },
    'zh-CN': '已录入出席记录 {records} 人次，出席 {present} 人次',
    en: '{records} attendance records entered, {present} present',
  },
  ASSESS_ATTENDANCE_NONE: {
    params: {},
    'zh-CN': '本季度没有录入出席记录（无数据）',
    en: 'No attendance recorded this quarter (no data)',
  },
  ASSESS_LEARNING_NONE: {
    params: {},
    'zh-CN': '学习要求尚未纳入制度目录（无数据）',
    en: 'Learning requirements are not in the rules catalogue yet (no data)',
  },
  TRANSFER_RECEIPT_RECEIVED: {
    params: {},
    'zh-CN': '回执已收到',
    en: 'receipt received',
  },
  TRANSFER_PROFILE_CONSENT: {
    params: {},
    'zh-CN': '本人同意导出学习档案',
    en: 'the member consented to exporting their learning profile',
  },
  TRANSFER_PROFILE_CONSENT_WITHDRAWN: {
    params: {},
    'zh-CN': '本人撤回导出学习档案的同意',
    en: 'the member withdrew their consent to exporting their learning profile',
  },
} as const;

/** Names of the values that enum parameters take, per locale (zh-CN area names are the curriculum's own). */
export const STAGE_NAMES = {
  'zh-CN': { APPLICANT: '入党申请人', ACTIVIST: '入党积极分子', CANDIDATE: '发展对象', PROBATIONARY: '预备党员', FULL: '正式党员' },
  en: { APPLICANT: 'applicant', ACTIVIST: 'activist', CANDIDATE: 'candidate', PROBATIONARY: 'probationary member', FULL: 'full member' },
} as const;

export const COURSE_KIND_NAMES = {
  'zh-CN': { ARTICLE: '文章', VIDEO: '视频', LESSON: '课程', EXAM: '测验' },
  en: { ARTICLE: 'article', VIDEO: 'video', LESSON: 'lesson', EXAM: 'quiz' },
} as const;

export const AREA_NAMES_EN = {
  constitution: 'Constitution',
  history: 'Party history',
  theory: 'Theory',
  discipline: 'Discipline',
  organization: 'Organizational life',
  admission: 'Admission',
  affairs: 'Current affairs',
  service: 'Service',
} as const;

/** Names of learning-path edges (drawn on the recommendation's path), per locale. */
export const PATH_EDGE_LABELS = {
  'zh-CN': { HAS_GAP: '学习短板', PREREQUISITE_OF: '先修', COVERS: '讲授' },
  en: { HAS_GAP: 'gap', PREREQUISITE_OF: 'prerequisite', COVERS: 'covers' },
} as const;
