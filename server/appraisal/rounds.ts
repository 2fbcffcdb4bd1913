/**
 * Appraisal rounds (民主评议党员): a secretary opens one for their branch, eligible voters ask for one blind
 * signature each, ballots arrive anonymously (ballots.ts), and results appear after the round closes with a
 * floor of k ballots per person (results.ts). Threat model: server/appraisal/README.md.
 *
 * Default eligibility (used when the secretary names no lists): voters are the branch's full members
 * (正式党员) — probationary members have no vote (Party Constitution, Article 7); the members appraised are its
 * full and probationary members.
 */
import { randomUUID } from 'node:crypto';
import type { AppraisalRound, Member } from '../../graph';
import { assertCanManageBranch, canManageBranch } from '../auth/scope';
import type { Session } from '../auth/session';
import { badInput, conflict, forbidden, notFound } from '../errors';
import { loadMemberRaw } from '../members/member-service';
import { getBranch } from '../org/org-service';
import { optionalId, requireInt, requireText } from '../validate';
import { blindedHash, blindSign, createRoundKeys, fromBase64 } from './ballot-crypto';

/** The floor below which no result is shown; configurable upwards per round, never below. */
export const MIN_BALLOTS_FLOOR = 5;
const MAX_OPEN_MS = 92 * 86_400_000;

export interface OpenRoundInput {
  id?: string | null;
  branchId: string;
  title: string;
  periodFrom: number;
  periodTo: number;
  closesAt: number;
  minBallots?: number | null;
  voterIds?: string[] | null;
  appraiseeIds?: string[] | null;
}

export type RoundStatus = 'OPEN' | 'CLOSED';

export const roundStatus = (r: AppraisalRound, now: number): RoundStatus => (r.closedAt !== null || now >= r.closesAt ? 'CLOSED' : 'OPEN');

async function branchMembers(s: Session, branchId: string): Promise<Member[]> {
  const out: Member[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await s.store.listMembers({ branchIds: [branchId] }, 100, after);
    out.push(...page.items);
    if (!page.hasNextPage) return out;
    after = page.endCursor;
  }
}

function pickFrom(field: string, ids: string[] | null | undefined, members: Member[], ok: (m: Member) => boolean, why: string): string[] {
  if (!ids)
    return members
      .filter(ok)
      .map((m) => m.id)
      .sort();
  const byId = new Map(members.map((m) => [m.id, m]));
  for (const id of ids) {
    const m = byId.get(id);
    if (!m) throw badInput(field, `${field}: member "${id}" is not in this branch`);
    if (!ok(m)) throw badInput(field, `${field}: member "${id}" ${why}`);
  }
  return [...new Set(ids)].sort();
}

/** Open a round for a branch the viewer manages. Idempotent by id for its own branch; CONFLICT otherwise. */
export async function openRound(s: Session, input: OpenRoundInput, ballotSecret: string): Promise<AppraisalRound> {
  const id = optionalId('id', input.id) ?? `ar-${randomUUID()}`;
  const title = requireText('title', input.title, 100);
  await getBranch(s, input.branchId);
  assertCanManageBranch(s.viewer, input.branchId);
  const [existing] = await s.store.getAppraisalRoundsByIds([id]);
  if (existing) {
    if (existing.branchId !== input.branchId || !canManageBranch(s.viewer, existing.branchId)) {
      throw conflict(`Appraisal round id "${id}" is already in use; choose another id`);
    }
    return existing;
  }
  const now = s.now();
  if (!Number.isFinite(input.periodFrom) || !Number.isFinite(input.periodTo) || input.periodTo <= input.periodFrom) {
    throw badInput('periodTo', 'periodTo must be after periodFrom');
  }
  if (!(input.closesAt > now)) throw badInput('closesAt', 'closesAt must be in the future');
  if (input.closesAt - now > MAX_OPEN_MS) throw badInput('closesAt', 'a round may stay open for at most 92 days');
  const minBallots = requireInt('minBallots', input.minBallots ?? MIN_BALLOTS_FLOOR, MIN_BALLOTS_FLOOR, 100);
  const members = await branchMembers(s, input.branchId);
  const voterIds = pickFrom('voterIds', input.voterIds, members, (m) => m.stage === 'FULL', 'is not a full member (预备党员 have no vote)');
  const appraiseeIds = pickFrom('appraiseeIds', input.appraiseeIds, members, (m) => m.stage === 'FULL' || m.stage === 'PROBATIONARY', 'is not a Party member');
  if (voterIds.length < minBallots) {
    throw badInput('voterIds', `a round needs at least ${minBallots} eligible voters (minBallots), this one has ${voterIds.length}`);
  }
  if (appraiseeIds.length === 0) throw badInput('appraiseeIds', 'a round needs at least one member to appraise');
  const keys = await createRoundKeys(ballotSecret, id);
  const round: AppraisalRound = {
    id,
    branchId: input.branchId,
    title,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    closesAt: input.closesAt,
    closedAt: null,
    minBallots,
    publicKey: keys.publicKey,
    voterIds,
    appraiseeIds,
    createdBy: s.viewer.memberId,
    createdAt: now,
  };
  const { created } = await s.store.createAppraisalRound(round, keys.sealedPrivateKey);
  if (!created) throw conflict(`Appraisal round id "${id}" is already in use; choose another id`);
  return round;
}

/** May the viewer see this round at all: its branch's managers, its voters and the members it appraises. */
export const canSeeRound = (s: Session, r: AppraisalRound): boolean =>
  canManageBranch(s.viewer, r.branchId) || r.voterIds.includes(s.viewer.memberId) || r.appraiseeIds.includes(s.viewer.memberId);

/** A round the viewer may see; a round past its end is closed (and its key destroyed) on first read. */
export async function getRound(s: Session, id: string): Promise<AppraisalRound> {
  const [r] = await s.store.getAppraisalRoundsByIds([id]);
  if (!r || !canSeeRound(s, r)) throw notFound('AppraisalRound', id);
  if (r.closedAt === null && roundStatus(r, s.now()) === 'CLOSED') {
    await s.store.closeAppraisalRound(r.id, r.closesAt);
    return { ...r, closedAt: r.closesAt };
  }
  return r;
}

/** Rounds of a branch: all of them for its managers, the ones the viewer takes part in otherwise. */
export async function listRounds(s: Session, branchId: string): Promise<AppraisalRound[]> {
  await getBranch(s, branchId);
  const rounds = await s.store.listAppraisalRounds([branchId]);
  return rounds.filter((r) => canSeeRound(s, r));
}

/** Close a round now (its secretary or an administrator above it); the private key is destroyed. */
export async function closeRound(s: Session, id: string): Promise<AppraisalRound> {
  const r = await getRound(s, id);
  assertCanManageBranch(s.viewer, r.branchId);
  if (r.closedAt !== null) return r;
  const at = s.now();
  await s.store.closeAppraisalRound(r.id, at);
  return { ...r, closedAt: at };
}

/**
 * Blind-sign one token for an eligible voter, once. A retry with the same blinded message gets the same
 * signature; another message is CONFLICT. The server never sees the token itself.
 */
export async function requestBallotSignature(s: Session, roundId: string, blindedMessage: string, ballotSecret: string): Promise<string> {
  const r = await getRound(s, roundId);
  if (!r.voterIds.includes(s.viewer.memberId)) throw forbidden('Only the eligible voters of this round may ask for a ballot signature');
  if (roundStatus(r, s.now()) !== 'OPEN') throw conflict('This appraisal round is closed');
  const blinded = fromBase64(blindedMessage);
  if (!blinded) throw badInput('blindedMessage', 'blindedMessage must be base64');
  const sealed = await s.store.getAppraisalRoundKey(r.id);
  if (!sealed) throw conflict('This appraisal round is closed');
  const signature = blindSign(ballotSecret, r.id, sealed, r.publicKey, blinded);
  if (!signature) throw badInput('blindedMessage', "blindedMessage is not a blinded token for this round's key (256 bytes, below the modulus)");
  const outcome = await s.store.recordBallotIssue(r.id, s.viewer.memberId, blindedHash(blinded));
  if (outcome === 'OTHER') throw conflict('You have already been issued a ballot signature in this round');
  // The BallotIssue row is the record that this voter was issued one. It carries no time, and no access record
  // with a time is written either: a timestamp per voter is exactly what timing attacks on ballots start from.
  return Buffer.from(signature).toString('base64');
}

/** Turnout without names: eligible voters, signatures issued, ballots cast. */
export async function turnout(s: Session, r: AppraisalRound): Promise<{ voters: number; issued: number; ballots: number }> {
  const [issued, ballots] = await Promise.all([s.store.countBallotIssues(r.id), s.store.listBallots(r.id)]);
  return { voters: r.voterIds.length, issued, ballots: ballots.length };
}

/** Self-assessment (自我评价) of an appraised member, while the round is open; not anonymous. */
export async function submitSelfAssessment(s: Session, roundId: string, text: string): Promise<{ text: string; updatedAt: number }> {
  const r = await getRound(s, roundId);
  if (!r.appraiseeIds.includes(s.viewer.memberId)) throw forbidden('Only the members appraised in this round write a self-assessment');
  if (roundStatus(r, s.now()) !== 'OPEN') throw conflict('This appraisal round is closed');
  const clean = requireText('text', text, 2000);
  const updatedAt = s.now();
  await s.store.upsertSelfAssessment({ roundId: r.id, memberId: s.viewer.memberId, text: clean, updatedAt });
  return { text: clean, updatedAt };
}

/** Names of the people in a round, for the ballot form; voters and managers only. */
export async function roundPeople(s: Session, r: AppraisalRound): Promise<{ id: string; name: string }[]> {
  if (!canManageBranch(s.viewer, r.branchId) && !r.voterIds.includes(s.viewer.memberId) && !r.appraiseeIds.includes(s.viewer.memberId)) return [];
  const members = await Promise.all(r.appraiseeIds.map((id) => loadMemberRaw(s, id)));
  return members.map((m) => ({ id: m.id, name: m.name }));
}
