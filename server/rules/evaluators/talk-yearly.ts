/**
 * talk-yearly: every full and probationary member of a branch has at least `minimum` talks of a kind (谈心谈话)
 * in each calendar year (China Standard Time). One obligation per branch and year, with counts only: the
 * obligation names no talk record and no person, since obligations reach committee dashboards too.
 */
import { TALK_KINDS, type TalkKind } from '../../appraisal/talk-kinds';
import { periodsOverlapping } from '../periods';
import type { Evaluator, Obligation } from '../types';
import { ruleSpan } from './meeting-minimum';
import { requireInteger, requireObject, requireOneOf } from './params';
import { encodeReason, reason } from '../../i18n/reasons';

export interface TalkYearlyParams {
  talkKind: TalkKind;
  minimum: number;
}

export const talkYearlyEvaluator: Evaluator<TalkYearlyParams> = {
  kind: 'talk-yearly',
  // Talks count by year whatever "as of" is; statuses change only where years start and end.
  reportsChanges: true,
  validate(raw) {
    const p = requireObject(raw);
    return { talkKind: requireOneOf(p, 'talkKind', Object.keys(TALK_KINDS) as TalkKind[]), minimum: requireInteger(p, 'minimum', 1, 12) };
  },
  async evaluate(ctx, rule, subjects, asOf) {
    const span = ruleSpan(rule);
    const out: Obligation[] = [];
    const facts = await ctx.facts();
    for (const subject of subjects) {
      const periods = periodsOverlapping('YEAR', ctx.window.from, ctx.window.to).filter((p) => p.start >= span.from && p.start < span.to);
      if (!periods.length) continue;
      const slice = facts.branch(subject.id);
      const members = slice.members.filter((m) => m.stage === 'FULL' || m.stage === 'PROBATIONARY');
      const talks = slice.talks;
      for (const p of periods) {
        const counts = new Map<string, number>();
        for (const t of talks) {
          if (t.kind === rule.params.talkKind && t.at >= p.start && t.at < p.end) counts.set(t.subjectId, (counts.get(t.subjectId) ?? 0) + 1);
        }
        const talked = members.filter((m) => (counts.get(m.id) ?? 0) >= rule.params.minimum).length;
        const status = talked >= members.length ? 'DONE' : p.end <= asOf ? 'OVERDUE' : p.start <= asOf ? 'DUE' : 'UPCOMING';
        out.push({
          ruleId: rule.id,
          ruleVersion: rule.version,
          kind: rule.kind,
          subject,
          title: `${rule.title.zh}（${p.label}）`,
          titleDetail: encodeReason(reason('OBL_PERIOD', { period: p.label })),
          status,
          dueAt: p.end - 1,
          period: { from: p.start, to: p.end, label: p.label },
          evidence: [],
          citation: rule.citation,
          action: { kind: 'branch', targetId: subject.id },
          detail: { members: members.length, talked },
        });
      }
    }
    return out;
  },
};
