/** Stored overrides of the rules catalogue: written once per (rule, version), read back in order. */
import { describe, expect, it } from 'vitest';
import type { RuleOverrideRecord } from '../model';
import type { GetStore } from './index';
import { expectCode, T0 } from './fixtures';

const override = (ruleId: string, version: number, extra: Partial<RuleOverrideRecord> = {}): RuleOverrideRecord => ({
  id: `${ruleId}@${version}`,
  ruleId,
  version,
  params: JSON.stringify({ meetingKind: 'THEME_DAY', frequency: 'MONTH', minimum: version }),
  effectiveFrom: '2026-01-01',
  reason: '本校要求，"从严"',
  createdBy: 'm-1',
  createdAt: T0,
  ...extra,
});

export function rulesContract(get: GetStore): void {
  describe('rule overrides', () => {
    it('stores overrides once and lists them by rule id then version', async () => {
      const s = get();
      expect(await s.listRuleOverrides()).toEqual([]);
      expect(await s.createRuleOverride(override('life.theme-day.minimum', 3))).toEqual({ created: true });
      expect(await s.createRuleOverride(override('life.theme-day.minimum', 2))).toEqual({ created: true });
      expect(await s.createRuleOverride(override('life.branch-assembly.minimum', 2))).toEqual({ created: true });
      // A retry of the same write changes nothing.
      expect(await s.createRuleOverride(override('life.theme-day.minimum', 2))).toEqual({ created: false });
      expect(await s.listRuleOverrides()).toEqual([override('life.branch-assembly.minimum', 2), override('life.theme-day.minimum', 2), override('life.theme-day.minimum', 3)]);
    });

    it('refuses the same version with other content and keeps the first', async () => {
      const s = get();
      await s.createRuleOverride(override('life.theme-day.minimum', 2));
      await expectCode(s.createRuleOverride(override('life.theme-day.minimum', 2, { effectiveFrom: '2027-01-01' })), 'CONFLICT', /life\.theme-day\.minimum@2/);
      expect(await s.listRuleOverrides()).toEqual([override('life.theme-day.minimum', 2)]);
    });

    it('lets exactly one of two concurrent writers of one version win', async () => {
      const s = get();
      const results = await Promise.allSettled([
        s.createRuleOverride(override('life.theme-day.minimum', 2, { reason: 'A' })),
        s.createRuleOverride(override('life.theme-day.minimum', 2, { reason: 'B' })),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rows = await s.listRuleOverrides();
      expect(rows).toHaveLength(1);
      expect(['A', 'B']).toContain(rows[0].reason);
    });
  });
}
