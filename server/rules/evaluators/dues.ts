/**
 * Dues arithmetic in integer fen (kinds 'dues-brackets', 'dues-fixed', 'dues-arrears'): the monthly
 * amount from an income base, and the arrears of a member as of a month. No floating point: a rate
 * is basis points, and amount = round_half_up(base × bp / 10000) computed on integers.
 */
import type { DuesCategory, DuesPayment, DuesStandard } from '../../../graph';
import type { DuesArrearsParams, DuesBracketParams, DuesFixedParams } from '../catalogue/dues';
import type { RuleDef } from '../types';

/** base × bp / 10000, rounded half up to the fen, on integers only. */
export function applyRate(baseFen: number, basisPoints: number): number {
  if (!Number.isSafeInteger(baseFen) || baseFen < 0) throw new Error(`baseFen must be a non-negative integer, got ${baseFen}`);
  const product = baseFen * basisPoints;
  if (!Number.isSafeInteger(product)) throw new Error(`baseFen ${baseFen} is too large`);
  return Math.floor((product + 5000) / 10000);
}

/** The bracket's basis points for a base (upper bounds inclusive). */
export function rateFor(params: DuesBracketParams, baseFen: number): number {
  const b = params.brackets.find((x) => x.upToFen === null || baseFen <= x.upToFen);
  if (!b) throw new Error('The brackets have no open last bracket');
  return b.basisPoints;
}

export interface DuesRules {
  brackets: RuleDef<DuesBracketParams>[];
  fixed: RuleDef<DuesFixedParams>[];
}

/** The monthly amount the rules give a category and base, and the rule that gave it. */
export function computeStandard(rules: DuesRules, category: DuesCategory, baseFen: number | null): { fen: number; rule: RuleDef<unknown> } {
  const fixed = rules.fixed.find((r) => r.params.categories.includes(category));
  if (fixed) return { fen: fixed.params.fixedFen, rule: fixed };
  const br = rules.brackets.find((r) => r.params.categories.includes(category));
  if (!br) throw new Error(`No dues rule covers category ${category}`);
  if (baseFen === null) throw new Error(`Category ${category} needs an income base`);
  return { fen: applyRate(baseFen, rateFor(br.params, baseFen)), rule: br };
}

export interface Arrears {
  /** Months from the first standard's month (or `since`) to `asOf` (inclusive) without a payment. */
  unpaidMonths: string[];
  /** Unpaid months in a row ending at the last month due. */
  consecutiveUnpaid: number;
  /** Sum owed for the unpaid months at each year's standard, in fen. */
  owedFen: number;
  /** Sum paid over all payments, in fen. */
  paidFen: number;
  /** Last month covered by a payment, or null. */
  paidUntil: string | null;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM' months from `from` to `to` inclusive, ascending, on integers (at most 1,200). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (let cur = from; cur <= to && out.length < 1200; ) {
    out.push(cur);
    if (++m > 12) {
      m = 1;
      y++;
    }
    cur = `${String(y).padStart(4, '0')}-${pad2(m)}`;
  }
  return out;
}

/**
 * Arrears of one member from `since` through `upTo` ('YYYY-MM', inclusive). Months in years without
 * a standard owe nothing (there is no standard to owe).
 */
export function arrearsOf(standards: DuesStandard[], payments: DuesPayment[], since: string, upTo: string): Arrears {
  const paid = new Set(payments.flatMap((p) => p.months));
  const byYear = new Map(standards.map((s) => [s.year, s]));
  const due = monthRange(since, upTo).filter((m) => byYear.has(Number(m.slice(0, 4))));
  const unpaidMonths = due.filter((m) => !paid.has(m));
  let consecutiveUnpaid = 0;
  for (let i = due.length - 1; i >= 0 && !paid.has(due[i]); i--) consecutiveUnpaid++;
  const owedFen = unpaidMonths.reduce((sum, m) => sum + byYear.get(Number(m.slice(0, 4)))!.monthlyFen, 0);
  const paidFen = payments.reduce((sum, p) => sum + p.amountFen, 0);
  const months = [...paid].sort();
  return { unpaidMonths, consecutiveUnpaid, owedFen, paidFen, paidUntil: months.length ? months[months.length - 1] : null };
}

/** The arrears rules a member's consecutive unpaid months reach (strictest last). */
export function arrearsTriggered(rules: RuleDef<DuesArrearsParams>[], consecutiveUnpaid: number): RuleDef<DuesArrearsParams>[] {
  return rules.filter((r) => consecutiveUnpaid >= r.params.months).sort((a, b) => a.params.months - b.params.months);
}
