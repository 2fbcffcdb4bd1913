/** What an integrity finding tells the member, in zh-CN or English: what was found and how much of the event is not counted. */
import type { IntegrityCode, IntegrityFinding } from './evidence-integrity';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function integrityText(f: IntegrityFinding, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const d = f.detail;
  if (locale === 'en') return integrityTextEn(f);
  switch (f.code) {
    case 'TOO_FAST':
      return `作答用时 ${d.seconds} 秒，少于读完题目所需的约 ${d.readingSeconds} 秒，本次作答不计入掌握度`;
    case 'SAME_OPTION_STREAK':
      return `同一次练习中连续 ${d.length} 道题的作答结果与一直选择同一个选项（${String.fromCharCode(65 + d.option)}）完全一致，这些作答不计入掌握度`;
    case 'OVERLAPPING_STUDY':
      return `本次学习记录的时长与上一次学习重叠 ${d.overlapSeconds} 秒，重叠部分（${pct(f.share)}）不计入`;
    case 'STUDY_LONGER_THAN_ELAPSED':
      return `本次学习记录了 ${d.seconds} 秒，但距上一次答题只过去了 ${d.elapsedSeconds} 秒，超出部分（${pct(f.share)}）不计入`;
    case 'BEYOND_COURSE_LENGTH':
      return `本次学习记录了 ${Math.round(d.seconds / 60)} 分钟，超过课程时长（${d.courseMinutes} 分钟）的 1.5 倍，超出部分（${pct(f.share)}）不计入`;
  }
}

function integrityTextEn(f: IntegrityFinding): string {
  const d = f.detail;
  switch (f.code) {
    case 'TOO_FAST':
      return `Answered in ${d.seconds} s, less than the about ${d.readingSeconds} s it takes to read the question: this answer does not count towards mastery`;
    case 'SAME_OPTION_STREAK':
      return `${d.length} answers in a row in one sitting are exactly what always choosing option ${String.fromCharCode(65 + d.option)} gives: they do not count towards mastery`;
    case 'OVERLAPPING_STUDY':
      return `This session overlaps the previous one by ${d.overlapSeconds} s: the overlap (${pct(f.share)}) does not count`;
    case 'STUDY_LONGER_THAN_ELAPSED':
      return `This session claims ${d.seconds} s, but only ${d.elapsedSeconds} s passed since your last answer: the excess (${pct(f.share)}) does not count`;
    case 'BEYOND_COURSE_LENGTH':
      return `This session claims ${Math.round(d.seconds / 60)} min, more than 1.5 times the course's ${d.courseMinutes} min: the excess (${pct(f.share)}) does not count`;
  }
}

/** The name of a finding's kind (for branch figures, where no single event is described). */
export function integrityLabel(code: IntegrityCode, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  return INTEGRITY_LABELS[locale][code];
}

const INTEGRITY_LABELS: Record<'zh-CN' | 'en', Record<IntegrityCode, string>> = {
  'zh-CN': {
    TOO_FAST: '作答快于读题所需时间',
    SAME_OPTION_STREAK: '连续作答与一直选同一选项一致',
    OVERLAPPING_STUDY: '学习时长与上一次学习重叠',
    STUDY_LONGER_THAN_ELAPSED: '学习时长超过距上次答题的时间',
    BEYOND_COURSE_LENGTH: '学习时长超过课程时长的 1.5 倍',
  },
  en: {
    TOO_FAST: 'answered faster than the question can be read',
    SAME_OPTION_STREAK: 'a run of answers matching always choosing one option',
    OVERLAPPING_STUDY: 'study time overlapping the previous session',
    STUDY_LONGER_THAN_ELAPSED: 'study time longer than had passed since the last answer',
    BEYOND_COURSE_LENGTH: 'study time beyond 1.5 times the course length',
  },
};
