/** Kinds of talk record (谈心谈话): data, with their names in both languages. */
export const TALK_KINDS = {
  APPLICANT: { zh: '与入党申请人谈话', en: 'Talk with a new applicant' },
  YEARLY: { zh: '年度谈心谈话', en: 'Yearly talk' },
  PROBATION: { zh: '预备党员考察谈话', en: 'Talk during probation' },
  BEFORE_TRANSFER: { zh: '组织关系转接前谈话', en: 'Talk before a transfer' },
  CONCERN: { zh: '关心帮扶谈话', en: 'Talk of care and support' },
  OTHER: { zh: '其他谈话', en: 'Other talk' },
} as const;
export type TalkKind = keyof typeof TALK_KINDS;
