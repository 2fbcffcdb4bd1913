import type { MessageKey } from '../../i18n/zh-CN';

/** A portrait tag with the evidence behind it, as message keys so it reads in either language. */
export interface DerivedTag {
  key: 'active' | 'inactive' | 'accurate' | 'struggling' | 'regular' | 'absent';
  label: MessageKey;
  evidence: MessageKey;
  params: Record<string, number>;
  tone: 'ok' | 'warn';
}

export interface ActivityCounts {
  studies: { at: string }[];
  answers: { correct: boolean }[];
  attendance: { status: string }[];
}

const DAY = 86400_000;

/**
 * Tags computed from the member's own recent events (no model involved), each with its evidence:
 * study sessions in the last 60 days, answer accuracy (≥ 5 answers), attendance (≥ 3 meetings; present under 60% is low).
 */
export function deriveTags(a: ActivityCounts, now = Date.now()): DerivedTag[] {
  const tags: DerivedTag[] = [];
  const recent = a.studies.filter((s) => now - Date.parse(s.at) <= 60 * DAY).length;
  if (recent >= 3) tags.push({ key: 'active', label: 'tag.active', evidence: 'tag.activeWhy', params: { n: recent }, tone: 'ok' });
  else if (recent === 0) tags.push({ key: 'inactive', label: 'tag.inactive', evidence: 'tag.inactiveWhy', params: {}, tone: 'warn' });
  if (a.answers.length >= 5) {
    const right = a.answers.filter((x) => x.correct).length;
    const pct = Math.round((100 * right) / a.answers.length);
    if (pct >= 80) tags.push({ key: 'accurate', label: 'tag.accurate', evidence: 'tag.answersWhy', params: { right, n: a.answers.length, pct }, tone: 'ok' });
    else if (pct < 50) tags.push({ key: 'struggling', label: 'tag.struggling', evidence: 'tag.answersWhy', params: { right, n: a.answers.length, pct }, tone: 'warn' });
  }
  if (a.attendance.length >= 3) {
    const present = a.attendance.filter((x) => x.status === 'PRESENT').length;
    const share = present / a.attendance.length;
    // Excused absences count as not present: someone excused six times out of eight is rarely there.
    if (share >= 0.9) tags.push({ key: 'regular', label: 'tag.regular', evidence: 'tag.attendWhy', params: { present, n: a.attendance.length }, tone: 'ok' });
    else if (share < 0.6)
      tags.push({ key: 'absent', label: 'tag.absent', evidence: 'tag.absentWhy', params: { present, n: a.attendance.length, pct: Math.round(100 * share) }, tone: 'warn' });
  }
  return tags;
}
