/** Dues arithmetic on a table of cases: bracket edges (inclusive upper bounds), half-up rounding, fixed minimum, arrears. */
import { describe, expect, it } from 'vitest';
import type { DuesPayment, DuesStandard } from '../../../graph/affairs-model';
import { DUES_ARREARS_RULES, DUES_BRACKET_RULES, DUES_FIXED_RULES } from '../catalogue/dues';
import { applyRate, arrearsOf, arrearsTriggered, computeStandard } from './dues';

const rules = { brackets: DUES_BRACKET_RULES, fixed: DUES_FIXED_RULES };

describe('monthly dues from the brackets', () => {
  it.each([
    // category, base fen, expected fen, rule
    ['EMPLOYED', 0, 0, 'dues.employed.brackets'],
    ['EMPLOYED', 299, 1, 'dues.employed.brackets'], // 1.495 fen → 1
    ['EMPLOYED', 300, 2, 'dues.employed.brackets'], // 1.5 fen → 2 (half up)
    ['EMPLOYED', 123_456, 617, 'dues.employed.brackets'], // 1234.56 yuan × 0.5% = 6.1728 yuan
    ['EMPLOYED', 300_000, 1_500, 'dues.employed.brackets'], // 3000 yuan: still 0.5%
    ['EMPLOYED', 300_001, 3_000, 'dues.employed.brackets'], // 3000.01 yuan: 1% = 30.0001 yuan
    ['EMPLOYED', 500_000, 5_000, 'dues.employed.brackets'], // 5000 yuan: still 1%
    ['EMPLOYED', 500_001, 7_500, 'dues.employed.brackets'], // 1.5% of 5000.01 = 75.00015 yuan
    ['EMPLOYED', 1_000_000, 15_000, 'dues.employed.brackets'], // 10000 yuan: still 1.5%
    ['EMPLOYED', 1_000_001, 20_000, 'dues.employed.brackets'], // 2%
    ['EMPLOYED', 2_345_678, 46_914, 'dues.employed.brackets'], // 23456.78 × 2% = 469.1356 yuan
    ['RETIRED', 500_000, 2_500, 'dues.retired.brackets'],
    ['RETIRED', 500_001, 5_000, 'dues.retired.brackets'],
    ['RETIRED', 412_345, 2_062, 'dues.retired.brackets'], // 2061.725 fen → 2062
    ['STUDENT', null, 20, 'dues.fixed-minimum'],
    ['UNEMPLOYED', null, 20, 'dues.fixed-minimum'],
    ['RELIEF', 999_999, 20, 'dues.fixed-minimum'],
  ] as const)('%s with base %s fen pays %s fen (%s)', (category, base, fen, ruleId) => {
    const got = computeStandard(rules, category, base);
    expect(got.fen).toBe(fen);
    expect(got.rule.id).toBe(ruleId);
    expect(Number.isInteger(got.fen)).toBe(true);
  });

  it('refuses a fractional or negative base and a bracket category without a base', () => {
    expect(() => applyRate(100.5, 50)).toThrow(/integer/);
    expect(() => applyRate(-1, 50)).toThrow(/non-negative/);
    expect(() => computeStandard(rules, 'EMPLOYED', null)).toThrow(/income base/);
  });
});

const std = (year: number, monthlyFen: number): DuesStandard => ({
  memberId: 'm',
  year,
  category: 'EMPLOYED',
  baseFen: 500_000,
  computedFen: monthlyFen,
  monthlyFen,
  ruleId: 'dues.employed.brackets',
  ruleVersion: 1,
  recordedAt: 0,
  recordedBy: 's',
});
const pay = (id: string, months: string[], amountFen: number): DuesPayment => ({ id, memberId: 'm', months, amountFen, paidAt: 0, recordedBy: 's' });

describe('arrears', () => {
  it('counts unpaid months across a year boundary at each year’s standard, multi-month payments included', () => {
    const a = arrearsOf([std(2024, 5_000), std(2025, 7_500)], [pay('p1', ['2024-10', '2024-11', '2024-12'], 15_000), pay('p2', ['2025-02'], 7_500)], '2024-10', '2025-05');
    expect(a.unpaidMonths).toEqual(['2025-01', '2025-03', '2025-04', '2025-05']);
    expect(a.consecutiveUnpaid).toBe(3);
    expect(a.owedFen).toBe(4 * 7_500);
    expect(a.paidFen).toBe(22_500);
    expect(a.paidUntil).toBe('2025-02');
  });

  it('owes nothing for months of a year without a standard', () => {
    const a = arrearsOf([std(2025, 100)], [], '2024-11', '2025-02');
    expect(a.unpaidMonths).toEqual(['2025-01', '2025-02']);
    expect(a.owedFen).toBe(200);
  });

  it('triggers the warning at 3 and the Constitution’s case at 6 consecutive months, not at 2 or 5', () => {
    const ids = (n: number) => arrearsTriggered(DUES_ARREARS_RULES, n).map((r) => r.id);
    expect(ids(2)).toEqual([]);
    expect(ids(3)).toEqual(['dues.arrears.warn']);
    expect(ids(5)).toEqual(['dues.arrears.warn']);
    expect(ids(6)).toEqual(['dues.arrears.warn', 'dues.arrears.constitution']);
  });
});
