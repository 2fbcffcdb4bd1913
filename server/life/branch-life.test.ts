import { describe, expect, it } from 'vitest';
import type { MeetingKind, MeetingTally } from '../../graph';
import { catalogueRuleSet, type RuleSet } from '../rules/engine';
import { EVALUATORS } from '../rules/evaluators';
import { type MeetingMinimumParams, meetingVerdicts } from '../rules/evaluators/meeting-minimum';
import { CATALOGUE } from '../rules/catalogue';
import type { RuleDef } from '../rules/types';
import { computeBranchLife, meetingRules } from './branch-life';

const DAY = 86_400_000;
// 2025-01-01T00:00+08:00
const JAN = Date.UTC(2024, 11, 31, 16);
const KINDS: MeetingKind[] = ['BRANCH_ASSEMBLY', 'BRANCH_COMMITTEE', 'GROUP_MEETING', 'PARTY_LECTURE', 'THEME_DAY', 'DEMOCRATIC_REVIEW'];

/** A deterministic branch history: meetings of every kind at pseudo-random instants over two years, in time order. */
function meetings(seed: number, n: number): MeetingTally[] {
  let x = seed;
  const next = () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
  const out = Array.from({ length: n }, (_, i) => ({
    id: `mt-${seed}-${i}`,
    branchId: 'b',
    kind: KINDS[Math.floor(next() * KINDS.length)]!,
    title: '',
    at: JAN - 200 * DAY + Math.floor(next() * 730 * DAY),
    present: 1,
    excused: 0,
    absent: 0,
  }));
  return out.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** Each kind's periods as the rule evaluator's verdicts give them (what branch figures were built from before). */
function periodsFromVerdicts(rules: RuleSet, ms: MeetingTally[], from: number, to: number, now: number, hasGroups: boolean) {
  const limit = Math.min(to, now);
  const subject = { kind: 'BRANCH' as const, id: 'b', branchId: 'b' };
  return meetingRules(rules, Math.max(from, limit - 1)).map((rule) => {
    if (rule.params.onlyWithGroups && !hasGroups) return [];
    const held = ms.filter((m) => m.kind === rule.params.meetingKind);
    return rules.segments(rule.id, from, limit).flatMap((seg) =>
      meetingVerdicts(seg.rule, subject, held, { from, to: limit }, now)
        .filter((o) => o.period!.from >= from && o.period!.to <= limit)
        .map((o) => ({
          label: o.period!.label,
          start: o.period!.from,
          end: o.period!.to,
          held: Number(o.detail?.held),
          required: Number(o.detail?.required),
          status: o.status,
          meetingIds: o.evidence.map((e) => e.id),
        })),
    );
  });
}

/** The catalogue with the theme-day rule changed on 2025-04-01: two meetings a month from then on. */
function changedRules(): RuleSet {
  const theme = CATALOGUE.find((r) => r.id === 'life.theme-day.minimum') as RuleDef<MeetingMinimumParams>;
  const v2: RuleDef<MeetingMinimumParams> = { ...theme, version: 2, effectiveFrom: '2025-04-01', params: { ...theme.params, minimum: 2 } };
  return catalogueRuleSet([...CATALOGUE.filter((r) => r !== theme), { ...theme, effectiveTo: '2025-04-01' }, v2], EVALUATORS);
}

describe('computeBranchLife periods', () => {
  const cases: [string, number, number, number][] = [
    ['a quarter', JAN, JAN + 90 * DAY, JAN + 400 * DAY],
    ['a year', JAN, JAN + 365 * DAY, JAN + 400 * DAY],
    ['mid-month to mid-month, reaching past now', JAN + 14 * DAY, JAN + 300 * DAY, JAN + 200 * DAY],
    ['a range with no whole period', JAN + 3 * DAY, JAN + 20 * DAY, JAN + 400 * DAY],
  ];
  for (const [name, rules] of [
    ['the catalogue', catalogueRuleSet()],
    ['a rule changed mid-range', changedRules()],
  ] as const) {
    for (const [label, from, to, now] of cases) {
      it(`equal the rule evaluator's verdicts over ${label} (${name})`, () => {
        for (const seed of [1, 2, 3]) {
          for (const hasGroups of [true, false]) {
            const ms = meetings(seed, 120);
            const r = computeBranchLife({ branchId: 'b', from, to, now, hasGroups, meetings: ms, rules });
            const expected = periodsFromVerdicts(rules, ms, from, to, now, hasGroups);
            expect(r.kinds.map((k) => k.periods)).toEqual(expected);
            expect(r.missingCount).toBe(expected.flat().filter((p) => p.status === 'OVERDUE').length);
          }
        }
      });
    }
  }

  it('sees the change of a rule: two theme days a month are required after it', () => {
    const ms = meetings(4, 200);
    const r = computeBranchLife({ branchId: 'b', from: JAN, to: JAN + 365 * DAY, now: JAN + 400 * DAY, hasGroups: true, meetings: ms, rules: changedRules() });
    const theme = r.kinds.find((k) => k.kind === 'THEME_DAY')!;
    expect(theme.periods.map((p) => p.required)).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
  });
});
