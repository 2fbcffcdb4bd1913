/**
 * Checks both adapters run inside their write transactions for party-affairs records, so the
 * Kuzu and Neo4j stores answer the same way: idempotent retries, compare-and-set conflicts, months
 * paid twice, and the status history of a transfer case.
 */
import { conflict } from './errors';
import type { DuesPayment, Milestone, TransferCase, TransferCaseStatus } from './affairs-model';
import type { TransferCasePatch } from './affairs-store';

/** Deep equality of two JSON-shaped records (key order ignored). */
export function sameRecord(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** Oldest first: by `at`, then by recording time, then id. */
export const sortMilestones = (xs: Milestone[]): Milestone[] => [...xs].sort((a, b) => a.at - b.at || a.recordedAt - b.recordedAt || a.id.localeCompare(b.id));

/**
 * 'same' when the milestone is a retry of one already stored; 'new' when it may be written;
 * CONFLICT when the id was used for other content or the member's newest milestone moved.
 */
export function checkMilestoneWrite(m: Milestone, prior: Milestone | undefined, existing: Milestone[], expectLatest: string | null): 'same' | 'new' {
  if (prior) {
    const strip = (x: Milestone) => ({ ...x, recordedAt: 0 });
    if (sameRecord(strip(prior), strip(m))) return 'same';
    throw conflict(`Milestone id "${m.id}" was already used for another step; use a new id`);
  }
  const sorted = sortMilestones(existing);
  const latest = sorted.length ? sorted[sorted.length - 1].id : null;
  if (latest !== expectLatest) {
    throw conflict(`The pipeline of member "${m.memberId}" changed while this step was being recorded; reload and try again`);
  }
  return 'new';
}

/** CONFLICT when a month of `p` is already covered by another payment of the member. */
export function checkPaymentWrite(p: DuesPayment, existing: DuesPayment[]): void {
  const paid = new Map<string, string>();
  for (const x of existing) for (const month of x.months) paid.set(month, x.id);
  const clash = p.months.find((month) => paid.has(month));
  if (clash) throw conflict(`Dues for ${clash} are already recorded (payment "${paid.get(clash)}"); record only months not yet paid`);
}

/** The case after a step: CONFLICT unless it is still in `expect`. */
export function applyTransferPatch(cur: TransferCase, expect: TransferCaseStatus, patch: TransferCasePatch): TransferCase {
  if (cur.status !== expect) {
    throw conflict(`Transfer "${cur.id}" is ${cur.status}, not ${expect}; reload it and try again`);
  }
  const next: TransferCase = {
    ...cur,
    status: patch.status,
    steps: [...cur.steps, { status: patch.status, ...patch.step }],
    updatedAt: patch.step.at,
  };
  if (patch.letterNumber !== undefined) next.letterNumber = patch.letterNumber;
  if (patch.validUntil !== undefined) next.validUntil = patch.validUntil;
  if (patch.duesPaidUntil !== undefined) next.duesPaidUntil = patch.duesPaidUntil;
  if (patch.profileConsentAt !== undefined) next.profileConsentAt = patch.profileConsentAt;
  if (patch.toBranchId !== undefined) next.toBranchId = patch.toBranchId;
  return next;
}
