/**
 * Dues (党费): standards per member and year from the catalogue's brackets, payments recorded with
 * client-supplied ids (idempotent), and arrears with the prompts the rules raise. Money is integer
 * fen. The income base is personal data: only the member sees it; everyone else sees it masked, and
 * every read or write of it is audited.
 */
import { DUES_CATEGORIES, type DuesPayment, type DuesStandard } from '../../graph';
import type { Member } from '../../graph';
import { assertCanManageMember, assertCanReadBranch, assertCanReadMember } from '../auth/scope';
import type { Session } from '../auth/session';
import { forbidden } from '../errors';
import { refusalError, ruleParams } from '../i18n/error-messages';
import { citationText } from '../rules/citation';
import { loadMemberRaw } from '../members/member-service';
import { arrearsOf, arrearsTriggered, computeStandard, type Arrears } from '../rules/evaluators/dues';
import type { DuesArrearsParams } from '../rules/catalogue/dues';
import type { Citation, RuleDef } from '../rules/types';
import { requireInt, requireOneOf, requireText } from '../validate';
import { type AffairsDeps, rulesOf } from './affairs-deps';
import { isMonth, monthOf, shiftMonth } from './china-time';
import { duesRulesAt } from './rule-source';

export interface SetStandardInput {
  memberId: string;
  year: number;
  category: string;
  baseFen?: number | null;
  monthlyFen?: number | null;
}

/** The base as others see it: '****' (the member alone sees the figure). */
export const MASKED_BASE = '****';

export interface StandardView extends Omit<DuesStandard, 'baseFen'> {
  baseFen: number | null;
  baseMasked: string | null;
}

function viewStandard(s: Session, st: DuesStandard): StandardView {
  if (st.baseFen === null) return { ...st, baseMasked: null };
  s.audit.note('READ_DUES_BASE', 'Member', st.memberId);
  return st.memberId === s.viewer.memberId ? { ...st, baseMasked: null } : { ...st, baseFen: null, baseMasked: MASKED_BASE };
}

/** Set a member's standard for a year (the branch's secretary or an administrator above it). */
export async function setDuesStandard(s: Session, deps: AffairsDeps, input: SetStandardInput): Promise<StandardView> {
  const year = requireInt('year', input.year, 2000, 2100);
  const category = requireOneOf('category', input.category, DUES_CATEGORIES);
  const baseFen = input.baseFen == null ? null : requireInt('baseFen', input.baseFen, 0, 100_000_000);
  const member = await loadMemberRaw(s, input.memberId);
  assertCanManageMember(s.viewer, member);
  const rules = await duesRulesAt(rulesOf(deps, s), Date.UTC(year, 0, 1));
  const fixed = rules.fixed.some((r) => r.params.categories.includes(category));
  if (!fixed && baseFen === null) throw refusalError('BAD_USER_INPUT', { code: 'DUES_BASE_NEEDED', params: { category } }, { field: 'baseFen' });
  const { fen, rule } = computeStandard(rules, category, fixed ? null : baseFen);
  const monthlyFen = input.monthlyFen == null ? fen : requireInt('monthlyFen', input.monthlyFen, 0, 100_000_000);
  if (monthlyFen < fen) {
    throw refusalError(
      'BAD_USER_INPUT',
      { code: 'DUES_BELOW_STANDARD', params: { monthly: monthlyFen, standard: fen, ...ruleParams(rule, citationText(rule.citation)) } },
      { field: 'monthlyFen', ruleId: rule.id },
    );
  }
  const st: DuesStandard = {
    memberId: member.id,
    year,
    category,
    baseFen: fixed ? null : baseFen,
    computedFen: fen,
    monthlyFen,
    ruleId: rule.id,
    ruleVersion: rule.version,
    recordedAt: s.now(),
    recordedBy: s.viewer.memberId,
  };
  await s.store.setDuesStandard(st);
  if (st.baseFen !== null) s.audit.note('WRITE_DUES_BASE', 'Member', member.id);
  return viewStandard(s, st);
}

export interface PaymentInput {
  id: string;
  memberId: string;
  months: string[];
  amountFen: number;
  paidAt?: number | null;
}

/** Record a payment for one or several months (the member themself, or the branch's secretary / administrators). */
export async function recordDuesPayment(s: Session, input: PaymentInput): Promise<DuesPayment> {
  const id = requireText('id', input.id, 100);
  if (!/^[\w.:-]+$/.test(id)) throw refusalError('BAD_USER_INPUT', { code: 'DUES_ID_CHARS', params: {} }, { field: 'id' });
  if (!Array.isArray(input.months) || input.months.length < 1 || input.months.length > 24)
    throw refusalError('BAD_USER_INPUT', { code: 'DUES_MONTHS_COUNT', params: {} }, { field: 'months' });
  const months = [...input.months].sort();
  const bad = months.find((m) => !isMonth(m));
  if (bad) throw refusalError('BAD_USER_INPUT', { code: 'NOT_A_MONTH', params: { field: 'months', value: bad } }, { field: 'months' });
  if (new Set(months).size !== months.length) throw refusalError('BAD_USER_INPUT', { code: 'DUES_MONTH_TWICE', params: {} }, { field: 'months' });
  const amountFen = requireInt('amountFen', input.amountFen, 1, 100_000_000);
  const member = await loadMemberRaw(s, input.memberId);
  if (member.id !== s.viewer.memberId) assertCanManageMember(s.viewer, member);
  const now = s.now();
  if (months[months.length - 1] > shiftMonth(monthOf(now), 12)) throw refusalError('BAD_USER_INPUT', { code: 'DUES_MONTHS_AHEAD', params: {} }, { field: 'months' });
  const standards = new Map((await s.store.listDuesStandards([member.id])).map((x) => [x.year, x]));
  const noStd = months.find((m) => !standards.has(Number(m.slice(0, 4))));
  if (noStd) throw refusalError('BAD_USER_INPUT', { code: 'DUES_NO_STANDARD', params: { year: noStd.slice(0, 4) } }, { field: 'months' });
  const due = months.reduce((sum, m) => sum + standards.get(Number(m.slice(0, 4)))!.monthlyFen, 0);
  if (amountFen < due) throw refusalError('BAD_USER_INPUT', { code: 'DUES_AMOUNT_LOW', params: { amount: amountFen, due, months: months.join(', ') } }, { field: 'amountFen' });
  const p: DuesPayment = { id, memberId: member.id, months, amountFen, paidAt: input.paidAt ?? now, recordedBy: s.viewer.memberId };
  const r = await s.store.recordDuesPayment(p);
  if (!r.created) return (await s.store.listDuesPayments([member.id])).find((x) => x.id === id)!;
  return p;
}

export interface DuesPrompt {
  ruleId: string;
  severity: string;
  months: number;
  title: string;
  citation: Citation;
}

export interface MemberDues {
  member: Member;
  standards: StandardView[];
  payments: DuesPayment[];
  arrears: Arrears;
  prompts: DuesPrompt[];
}

/** The month before `at`'s month: the last month whose dues are owed. */
const lastDueMonth = (at: number) => shiftMonth(monthOf(at), -1);

function evaluate(arrearsRules: RuleDef<DuesArrearsParams>[], standards: DuesStandard[], payments: DuesPayment[], asOf: number): { arrears: Arrears; prompts: DuesPrompt[] } {
  const years = standards.map((x) => x.year).sort();
  const since = years.length ? `${years[0]}-01` : monthOf(asOf);
  const arrears = arrearsOf(standards, payments, since, lastDueMonth(asOf));
  const prompts = arrearsTriggered(arrearsRules, arrears.consecutiveUnpaid).map((r) => ({
    ruleId: r.id,
    severity: r.params.severity,
    months: arrears.consecutiveUnpaid,
    title: r.title.zh,
    citation: r.citation,
  }));
  return { arrears, prompts };
}

/** One member's standards, payments, arrears and prompts (self, or within read scope; base masked for others). */
export async function memberDues(s: Session, deps: AffairsDeps, memberId: string, asOf: number): Promise<MemberDues> {
  const member = await loadMemberRaw(s, memberId);
  assertCanReadMember(s.viewer, member);
  s.audit.note('READ_HISTORY', 'Member', member.id);
  const standards = await s.store.listDuesStandards([member.id]);
  const payments = await s.store.listDuesPayments([member.id]);
  return { member, standards: standards.map((x) => viewStandard(s, x)), payments, ...evaluate((await duesRulesAt(rulesOf(deps, s), asOf)).arrears, standards, payments, asOf) };
}

export interface BranchDues {
  branchId: string;
  year: number;
  members: number;
  withStandard: number;
  /** Sum of the members' monthly standards for the year, fen. */
  monthlyStandardFen: number;
  /** Paid in payments for months of the year, fen. */
  paidFen: number;
  owedFen: number;
  /** Members the rules prompt about (no incomes: name, months unpaid, the rule). */
  prompts: { member: Member; prompts: DuesPrompt[]; consecutiveUnpaid: number }[];
}

/** Totals of a branch for a year and the members the arrears rules prompt about. No incomes. */
export async function branchDues(s: Session, deps: AffairsDeps, branchId: string, year: number, asOf: number): Promise<BranchDues> {
  assertCanReadBranch(s.viewer, branchId);
  if (s.viewer.role === 'MEMBER') throw forbidden('Only the branch’s officers and administrators see its dues');
  requireInt('year', year, 2000, 2100);
  const members = (await s.store.listMembers({ branchIds: [branchId] }, 500)).items;
  const ids = members.map((m) => m.id);
  const standards = ids.length ? await s.store.listDuesStandards(ids) : [];
  const payments = ids.length ? await s.store.listDuesPayments(ids) : [];
  const arrearsRules = (await duesRulesAt(rulesOf(deps, s), asOf)).arrears;
  const out: BranchDues = { branchId, year, members: members.length, withStandard: 0, monthlyStandardFen: 0, paidFen: 0, owedFen: 0, prompts: [] };
  for (const m of members) {
    const st = standards.filter((x) => x.memberId === m.id);
    const pay = payments.filter((x) => x.memberId === m.id);
    const thisYear = st.find((x) => x.year === year);
    if (thisYear) {
      out.withStandard++;
      out.monthlyStandardFen += thisYear.monthlyFen;
    }
    for (const p of pay) {
      const inYear = p.months.filter((x) => x.startsWith(`${year}-`)).length;
      // A multi-month payment spread evenly over its months; the remainder goes to the first month.
      const per = Math.floor(p.amountFen / p.months.length);
      if (inYear) out.paidFen += per * inYear + (p.months[0].startsWith(`${year}-`) ? p.amountFen - per * p.months.length : 0);
    }
    const { arrears, prompts } = evaluate(arrearsRules, st, pay, asOf);
    out.owedFen += arrears.owedFen;
    if (prompts.length) {
      s.loaders.member.prime(m.id, m);
      s.audit.note('READ_MEMBER', 'Member', m.id);
      out.prompts.push({ member: m, prompts, consecutiveUnpaid: arrears.consecutiveUnpaid });
    }
  }
  out.prompts.sort((a, b) => b.consecutiveUnpaid - a.consecutiveUnpaid || a.member.id.localeCompare(b.member.id));
  return out;
}
