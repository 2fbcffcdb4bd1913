/** What an integrity finding tells the member, in zh-CN: what was found and how much of the event is not counted. */
import type { IntegrityFinding } from './evidence-integrity';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function integrityText(f: IntegrityFinding): string {
  const d = f.detail;
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
