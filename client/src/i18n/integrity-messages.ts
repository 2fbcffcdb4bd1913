/** Messages of the member's own "not counted" evidence list (integrity of evidence); spread into zh-CN.ts and en.ts. */
export const integrityZh = {
  'integrity.title': '未计入掌握度的记录',
  'integrity.hint': '掌握度只计入真实的学习：读不完题就作答、连续选同一个选项、时间对不上的学习记录会部分或全部不计入。以下只有你本人能看到；支部只能看到全支部未计入记录的比例。',
  'integrity.answer': '答题',
  'integrity.study': '学习',
  'integrity.notCounted': '未计入 {p}',
} as const;

export const integrityEn: Record<keyof typeof integrityZh, string> = {
  'integrity.title': 'Evidence not counted in your mastery',
  'integrity.hint':
    'Mastery counts real learning only: answers given faster than the question can be read, runs of the same option and study time that cannot be true count in part or not at all. Only you see this list; your branch sees only the share of such evidence across the branch.',
  'integrity.answer': 'Answer',
  'integrity.study': 'Study',
  'integrity.notCounted': '{p} not counted',
};
