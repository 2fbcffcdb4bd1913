/** Courses c-69..c-102: 组织生活 (organization) and 发展党员 (admission). All text zh-CN, written by us. */
import type { CourseSeed } from './types';

export const organizationAdmissionCourses: CourseSeed[] = [
  // ── 组织生活 ──
  {
    id: 'c-69',
    kind: 'LESSON',
    minutes: 45,
    title: '党支部工作条例要点',
    summary:
      '课程依据党支部工作条例，讲解党支部的设置、基本任务、工作机制和组织生活要求。课程说明党支部是党的基础组织，担负直接教育、管理、监督党员和组织、宣传、凝聚、服务群众的职责，并介绍支部标准化规范化建设的主要内容。',
    topics: { 'organization.branch-work': 0.9, 'constitution.grassroots': 0.3 },
  },
  {
    id: 'c-70',
    kind: 'ARTICLE',
    minutes: 20,
    title: '支部书记和支部委员的职责分工',
    summary: '本文介绍党支部委员会中书记、组织委员、宣传委员、纪检委员等的常见分工和职责。文章说明支部书记是抓党建的第一责任人，支委之间既要分工负责又要协同配合。',
    topics: { 'organization.branch-work': 0.8, 'organization.branch-election': 0.2 },
  },
  {
    id: 'c-71',
    kind: 'LESSON',
    minutes: 40,
    title: '“三会一课”规范化操作',
    summary:
      '课程讲解支部党员大会、支部委员会会议、党小组会和党课的召开频次、主要内容和基本程序。课程介绍会前确定议题、会中规范议事、会后整理记录和督促落实的做法，帮助支部把“三会一课”开得严肃认真、富有实效。',
    topics: { 'organization.three-meetings-one-lesson': 0.9 },
  },
  {
    id: 'c-72',
    kind: 'VIDEO',
    minutes: 20,
    title: '开好支部党员大会：从议题到记录',
    summary: '视频模拟一次支部党员大会的完整过程，包括清点到会人数、宣布议程、充分讨论、依规表决和形成会议记录。节目提示支部党员大会讨论决定重要事项时应遵循少数服从多数的原则。',
    topics: { 'organization.three-meetings-one-lesson': 0.8, 'constitution.democratic-centralism': 0.3 },
  },
  {
    id: 'c-73',
    kind: 'VIDEO',
    minutes: 25,
    title: '怎样讲好一堂党课',
    summary: '视频介绍党课的选题方法、内容组织和讲授技巧，提倡联系党员思想和工作实际、用身边人讲身边事。节目还展示把党课搬进实验室、红色教育基地和社区等灵活形式。',
    topics: { 'organization.three-meetings-one-lesson': 0.7, 'organization.theme-party-day': 0.2 },
  },
  {
    id: 'c-74',
    kind: 'ARTICLE',
    minutes: 15,
    title: '主题党日活动策划指南',
    summary:
      '本文介绍主题党日的策划步骤：确定主题、制定方案、组织实施、记录总结。文章列举集中学习、重温入党誓词、参观红色场馆、开展志愿服务等常见活动形式，提醒避免把主题党日办成一般性的文体娱乐活动。',
    topics: { 'organization.theme-party-day': 0.9 },
  },
  {
    id: 'c-75',
    kind: 'VIDEO',
    minutes: 20,
    title: '把主题党日与专业服务结合起来',
    summary:
      '视频展示几个高校党支部把主题党日与专业特长结合的做法，如医学生义诊、工科学生维修家电、师范生社区辅导。节目说明这样的主题党日既提高了党员的参与热情，也让群众真切感受到党组织的温暖。',
    topics: { 'organization.theme-party-day': 0.7, 'service.volunteering': 0.4 },
  },
  {
    id: 'c-76',
    kind: 'LESSON',
    minutes: 45,
    title: '组织生活会全流程',
    summary:
      '课程按时间顺序讲解组织生活会的各个环节：会前学习研讨、征求意见、谈心谈话和撰写对照检查材料，会上通报情况、个人对照检查和相互批评，会后制定整改清单并抓好落实。课程还说明组织生活会一般每年召开一次并通常与民主评议党员结合进行。',
    topics: { 'organization.org-life-meeting': 0.9 },
  },
  {
    id: 'c-77',
    kind: 'ARTICLE',
    minutes: 20,
    title: '批评和自我批评的方法',
    summary: '本文讲解开展批评和自我批评的基本原则，倡导自我批评要见人见事见思想，相互批评要出于公心、实事求是。文章提醒避免以表扬代替批评、以工作建议代替批评意见等现象。',
    topics: { 'organization.org-life-meeting': 0.8, 'service.work-style': 0.3 },
  },
  {
    id: 'c-78',
    kind: 'LESSON',
    minutes: 35,
    title: '民主评议党员操作指引',
    summary:
      '课程讲解民主评议党员的基本程序：学习教育、个人自评、党员互评、民主测评、组织评定和结果反馈。课程介绍测评票的设计、匿名投票的组织和评议结果的运用，帮助支部把民主评议做实做细。',
    topics: { 'organization.member-appraisal': 0.9 },
  },
  {
    id: 'c-79',
    kind: 'ARTICLE',
    minutes: 15,
    title: '评议等次与党员的教育帮助',
    summary: '本文说明民主评议党员通常评定为优秀、合格、基本合格、不合格四个等次。文章介绍对评为基本合格和不合格党员进行谈话提醒、限期改正等教育帮助措施，体现严管和厚爱相结合。',
    topics: { 'organization.member-appraisal': 0.8, 'organization.org-life-meeting': 0.2 },
  },
  {
    id: 'c-80',
    kind: 'ARTICLE',
    minutes: 15,
    title: '党费交纳标准与计算方法',
    summary:
      '本文介绍党费交纳的基本规定：在职党员以工资收入为基数按规定比例分档交纳，学生党员、离退休党员等按相应标准交纳。文章说明党费应当按月交纳，特殊情况可以补交，党员自愿多交党费的应当按规定处理。',
    topics: { 'organization.party-dues': 0.9 },
  },
  {
    id: 'c-81',
    kind: 'VIDEO',
    minutes: 15,
    title: '按时交纳党费是党性的体现',
    summary: '视频讲述老党员坚持按月交纳党费的故事，说明交纳党费是党员的义务和党性观念的体现。节目提醒，党章规定党员无正当理由连续六个月不交纳党费的，被认为是自行脱党。',
    topics: { 'organization.party-dues': 0.8, 'constitution.member-duties': 0.3 },
  },
  {
    id: 'c-82',
    kind: 'ARTICLE',
    minutes: 15,
    title: '毕业生党员组织关系转接',
    summary: '本文面向即将毕业的学生党员，介绍组织关系转接的时间安排、去向选择和办理步骤。文章提醒毕业生党员及时开具组织关系介绍信、按期到接收党组织报到，避免成为失联党员。',
    topics: { 'organization.relation-transfer': 0.9 },
  },
  {
    id: 'c-83',
    kind: 'LESSON',
    minutes: 30,
    title: '流动党员管理与组织关系转接',
    summary:
      '课程讲解党员因工作调动、外出学习或务工经商等需要转移组织关系时的办理要求，区分系统内转接和跨系统转接两种情形。课程还介绍流动党员的教育管理方式，说明党支部如何保持与外出党员的经常联系。',
    topics: { 'organization.relation-transfer': 0.8, 'organization.branch-work': 0.2 },
  },
  {
    id: 'c-84',
    kind: 'LESSON',
    minutes: 40,
    title: '党支部换届选举程序',
    summary:
      '课程讲解党支部委员会任期届满按期换届的要求和选举程序：提出换届请示、推荐候选人预备人选、上级党组织审查、召开党员大会进行差额选举、报上级党组织审批。课程还介绍选票设计、监票计票和严肃换届纪律的要求。',
    topics: { 'organization.branch-election': 0.9, 'constitution.democratic-centralism': 0.3 },
  },
  {
    id: 'c-85',
    kind: 'EXAM',
    minutes: 30,
    title: '组织生活制度测验',
    summary: '本测验考查“三会一课”、党费交纳和党支部换届选举等组织制度的基础知识。题目结合支部工作中的常见场景设计，完成后可查看解析。',
    topics: { 'organization.three-meetings-one-lesson': 0.6, 'organization.party-dues': 0.4, 'organization.branch-election': 0.3 },
  },

  // ── 发展党员 ──
  {
    id: 'c-86',
    kind: 'ARTICLE',
    minutes: 15,
    title: '怎样写好入党申请书',
    summary:
      '本文介绍入党申请书的基本格式和主要内容，包括对党的认识、入党动机、个人成长经历和今后努力方向。文章提醒申请人用自己的语言真实表达思想，并向工作学习所在单位的党组织递交书面申请。',
    topics: { 'admission.application': 0.9, 'constitution.membership': 0.3 },
  },
  {
    id: 'c-87',
    kind: 'VIDEO',
    minutes: 20,
    title: '端正入党动机',
    summary: '视频通过几位青年学生的讲述，探讨为什么要入党、入党为了什么。节目说明只有把为共产主义和中国特色社会主义事业奋斗、全心全意为人民服务作为入党动机，才能经得起考验。',
    topics: { 'admission.application': 0.8, 'service.purpose': 0.3 },
  },
  {
    id: 'c-88',
    kind: 'LESSON',
    minutes: 40,
    title: '入党积极分子的确定和培养',
    summary:
      '课程讲解从入党申请人中确定入党积极分子的方式，包括党员推荐和群团组织推优，由支部委员会研究决定并报上级党委备案。课程介绍培养联系人的职责、培养教育的主要途径和考察记录的填写要求。',
    topics: { 'admission.activist': 0.9 },
  },
  {
    id: 'c-89',
    kind: 'ARTICLE',
    minutes: 15,
    title: '思想汇报怎么写',
    summary: '本文介绍入党积极分子定期向党组织递交思想汇报的意义和写法。文章建议结合理论学习体会、参加党内活动和社会实践的收获以及自身不足来写，做到内容真实、联系实际。',
    topics: { 'admission.activist': 0.8, 'admission.application': 0.2 },
  },
  {
    id: 'c-90',
    kind: 'LESSON',
    minutes: 35,
    title: '从入党积极分子到发展对象',
    summary:
      '课程讲解列为发展对象的条件和程序：经过一年以上培养教育和考察，听取党小组、培养联系人、党员和群众意见，支部委员会讨论同意并报上级党委备案。课程还介绍发展对象参加短期集中培训和接受综合考察的要求。',
    topics: { 'admission.candidate': 0.9 },
  },
  {
    id: 'c-91',
    kind: 'ARTICLE',
    minutes: 15,
    title: '入党介绍人的条件和职责',
    summary:
      '本文说明发展对象应当有两名正式党员作入党介绍人，并介绍入党介绍人需要认真了解发展对象的情况、向发展对象解释党的纲领和党员义务权利、如实向党组织汇报等职责。文章还说明入党介绍人在支部大会上介绍发展对象情况的要求。',
    topics: { 'admission.candidate': 0.8, 'admission.publicity-and-vote': 0.3 },
  },
  {
    id: 'c-92',
    kind: 'LESSON',
    minutes: 30,
    title: '政治审查的内容与方法',
    summary:
      '课程讲解对发展对象进行政治审查的主要内容，包括对党的理论和路线方针政策的态度、政治历史和在重大政治斗争中的表现、遵纪守法和遵守社会公德情况，以及直系亲属和主要社会关系的政治情况。课程介绍谈话、查阅档案、函调外调等审查方式和形成结论性材料的要求。',
    topics: { 'admission.political-review': 0.9 },
  },
  {
    id: 'c-93',
    kind: 'ARTICLE',
    minutes: 15,
    title: '政治审查常见问题解答',
    summary: '本文以问答形式回答发展对象和支部关心的政审问题，如政审为什么必须做、哪些情况需要函调、政审材料如何归档。文章强调未经政治审查或者政治审查不合格的，不能发展入党。',
    topics: { 'admission.political-review': 0.8, 'admission.candidate': 0.2 },
  },
  {
    id: 'c-94',
    kind: 'LESSON',
    minutes: 40,
    title: '支部大会讨论接收预备党员',
    summary:
      '课程讲解支部大会讨论接收预备党员的完整程序：发展对象汇报、入党介绍人介绍情况、支部委员会报告审查情况、与会党员充分讨论、表决形成决议。课程强调赞成人数超过应到会有表决权的正式党员的半数才能通过，并说明公示和预审在此之前的作用。',
    topics: { 'admission.publicity-and-vote': 0.9 },
  },
  {
    id: 'c-95',
    kind: 'VIDEO',
    minutes: 20,
    title: '入党志愿书填写指导',
    summary:
      '视频逐栏讲解入党志愿书的填写方法和注意事项，包括入党志愿、个人经历、家庭成员和主要社会关系等栏目。节目说明志愿书在基层党委预审合格后发放，填写必须真实准确、字迹工整。',
    topics: { 'admission.publicity-and-vote': 0.7, 'admission.approval': 0.3 },
  },
  {
    id: 'c-96',
    kind: 'ARTICLE',
    minutes: 20,
    title: '基层党委审批预备党员',
    summary:
      '本文介绍基层党委审批接收预备党员的程序：审批前派党委委员或组织员同发展对象谈话，审批时集体讨论、逐个审议表决，审批后通知党支部并报上级组织部门备案。文章说明基层党委一般应在三个月内完成审批。',
    topics: { 'admission.approval': 0.9 },
  },
  {
    id: 'c-97',
    kind: 'VIDEO',
    minutes: 30,
    title: '图解发展党员全流程',
    summary:
      '视频用流程图串起发展党员的五个阶段：入党申请、入党积极分子的确定和培养、发展对象的确定和考察、预备党员的接收、预备党员的教育考察和转正。节目标出每个阶段的关键环节和责任主体，帮助观众形成完整认识。',
    topics: { 'admission.approval': 0.6, 'admission.application': 0.3, 'admission.probation': 0.3 },
  },
  {
    id: 'c-98',
    kind: 'LESSON',
    minutes: 30,
    title: '入党宣誓仪式与誓词内涵',
    summary: '课程讲解预备党员面向党旗进行入党宣誓的规定和宣誓仪式的基本流程。课程逐句阐释入党誓词的内涵，引导学员把庄严承诺转化为终身践行的行动。',
    topics: { 'admission.oath': 0.9, 'constitution.emblem-flag': 0.3 },
  },
  {
    id: 'c-99',
    kind: 'VIDEO',
    minutes: 15,
    title: '重温入党誓词',
    summary: '视频记录了新老党员一起在党旗下重温入党誓词的场景，老党员讲述自己入党时的情景和几十年来践行誓言的经历。节目引导党员经常对照誓词检视初心。',
    topics: { 'admission.oath': 0.8, 'organization.theme-party-day': 0.3 },
  },
  {
    id: 'c-100',
    kind: 'LESSON',
    minutes: 40,
    title: '预备期的教育考察',
    summary:
      '课程讲解预备期为一年、从支部大会通过为预备党员之日算起的规定。课程介绍党组织对预备党员继续教育考察的方式，说明预备党员除没有表决权、选举权和被选举权以外，享有与正式党员同样的权利，承担同样的义务。',
    topics: { 'admission.probation': 0.9 },
  },
  {
    id: 'c-101',
    kind: 'ARTICLE',
    minutes: 20,
    title: '转正申请与延长预备期',
    summary:
      '本文说明预备期满时预备党员应主动提交书面转正申请，经支部大会讨论、上级党委审批。文章介绍按期转正、延长预备期和取消预备党员资格三种处理结果，延长预备期最长不超过一年，党龄从转为正式党员之日算起。',
    topics: { 'admission.probation': 0.8, 'constitution.member-rights': 0.2 },
  },
  {
    id: 'c-102',
    kind: 'EXAM',
    minutes: 30,
    title: '发展党员工作细则测验',
    summary: '本测验覆盖发展对象的确定、政治审查和预备党员转正等发展党员工作的关键环节。题目按照发展党员程序的先后顺序编排，完成后可查看解析。',
    topics: { 'admission.candidate': 0.6, 'admission.probation': 0.4, 'admission.political-review': 0.3 },
  },
];
