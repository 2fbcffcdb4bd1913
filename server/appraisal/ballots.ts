/**
 * Casting a ballot and reading results. `castBallot` runs without a session: the request must carry no
 * credentials, and nothing about it is logged or audited. The ballot is stored with the hash of its token
 * and its grades only.
 */
import { randomInt } from 'node:crypto';
import { APPRAISAL_GRADES, type AppraisalGrade, type AppraisalRound, type BallotGrade, type GraphStore, type SelfAssessment } from '../../graph';
import { canManageBranch } from '../auth/scope';
import type { Session } from '../auth/session';
import { badInput, conflict, forbidden, notFound } from '../errors';
import { loadMemberRaw } from '../members/member-service';
import { optionalText, requireOneOf } from '../validate';
import { fromBase64, tokenHash, verifyBallotSignature } from './ballot-crypto';
import { getRound, roundStatus } from './rounds';

export interface BallotInput {
  roundId: string;
  token: string;
  signature: string;
  grades: { memberId: string; grade: string; comment?: string | null }[];
}

function checkGrades(round: AppraisalRound, grades: BallotInput['grades']): BallotGrade[] {
  if (!Array.isArray(grades) || grades.length === 0) throw badInput('grades', 'grades must grade at least one member');
  const seen = new Set<string>();
  return grades.map((g, i) => {
    if (!round.appraiseeIds.includes(g.memberId)) throw badInput(`grades[${i}].memberId`, `member "${g.memberId}" is not appraised in this round`);
    if (seen.has(g.memberId)) throw badInput(`grades[${i}].memberId`, `member "${g.memberId}" is graded twice`);
    seen.add(g.memberId);
    const grade = requireOneOf(`grades[${i}].grade`, g.grade, APPRAISAL_GRADES);
    const comment = optionalText(`grades[${i}].comment`, g.comment, 200);
    return { memberId: g.memberId, grade, comment: comment || null };
  });
}

/**
 * Store one anonymous ballot. `hasCredentials` is whether the HTTP request carried a cookie or an
 * Authorization header: such a request is refused, since it would tie the ballot to a person.
 */
export async function castBallot(store: GraphStore, now: number, input: BallotInput, hasCredentials: boolean): Promise<{ receipt: string }> {
  if (hasCredentials) {
    throw badInput('credentials', 'Send ballots without sign-in credentials (no cookie, no Authorization header), so they cannot be tied to you');
  }
  const [round] = await store.getAppraisalRoundsByIds([input.roundId]);
  if (!round) throw notFound('AppraisalRound', input.roundId);
  if (roundStatus(round, now) !== 'OPEN') throw conflict('This appraisal round is closed');
  const token = fromBase64(input.token);
  const signature = fromBase64(input.signature);
  if (!token) throw badInput('token', 'token must be base64');
  if (!signature) throw badInput('signature', 'signature must be base64');
  const grades = checkGrades(round, input.grades);
  if (!(await verifyBallotSignature(round.publicKey, token, signature))) {
    throw badInput('signature', 'The signature is not valid for this round: ask for a ballot signature in this round first');
  }
  const hash = tokenHash(token);
  if (!(await store.storeBallot({ tokenHash: hash, roundId: round.id, grades }))) {
    throw conflict('This ballot token has already been used; its ballot was counted once');
  }
  return { receipt: hash };
}

export interface AppraisalResult {
  memberId: string;
  name: string;
  /** False when fewer than the round's minimum ballots graded this member: then nothing else is shown. */
  shown: boolean;
  counts: { grade: AppraisalGrade; count: number }[] | null;
  /** Comments without attribution, in a fresh random order on every read. */
  comments: string[] | null;
}

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

async function resultsFor(s: Session, r: AppraisalRound, ids: string[]): Promise<AppraisalResult[]> {
  const ballots = await s.store.listBallots(r.id);
  const names = new Map((await s.store.getMembersByIds(ids)).map((m) => [m.id, m.name]));
  return ids.map((memberId) => {
    s.audit.note('READ_APPRAISAL', 'Member', memberId);
    const mine = ballots.flatMap((b) => b.grades.filter((g) => g.memberId === memberId));
    const name = names.get(memberId) ?? '';
    if (mine.length < r.minBallots) return { memberId, name, shown: false, counts: null, comments: null };
    const counts = APPRAISAL_GRADES.map((grade) => ({ grade, count: mine.filter((g) => g.grade === grade).length }));
    return { memberId, name, shown: true, counts, comments: shuffle(mine.flatMap((g) => (g.comment ? [g.comment] : []))) };
  });
}

/** Results of the members the viewer may see (managers: everyone; a member: themself), after the round closes. */
export async function roundResults(s: Session, roundId: string): Promise<AppraisalResult[]> {
  const r = await getRound(s, roundId);
  if (roundStatus(r, s.now()) !== 'CLOSED') throw conflict('Results are shown after the round closes');
  const ids = canManageBranch(s.viewer, r.branchId) ? r.appraiseeIds : r.appraiseeIds.filter((id) => id === s.viewer.memberId);
  if (ids.length === 0) throw forbidden("Only the branch's secretary, administrators above it and the members appraised see results");
  return resultsFor(s, r, ids);
}

export interface MemberAppraisal {
  round: AppraisalRound;
  selfAssessment: SelfAssessment | null;
  result: AppraisalResult | null;
}

/** A member's appraisal record: the member themself and the managers of their branch. */
export async function memberAppraisals(s: Session, memberId: string): Promise<MemberAppraisal[]> {
  const m = await loadMemberRaw(s, memberId);
  if (m.id !== s.viewer.memberId && !canManageBranch(s.viewer, m.branchId)) throw notFound('Member', memberId);
  const rounds = (await s.store.listAppraisalRounds([m.branchId])).filter((r) => r.appraiseeIds.includes(m.id));
  if (rounds.length === 0) return [];
  const selfs = new Map(
    (
      await s.store.listSelfAssessments(
        rounds.map((r) => r.id),
        [m.id],
      )
    ).map((a) => [a.roundId, a]),
  );
  s.audit.note('READ_APPRAISAL', 'Member', m.id);
  return Promise.all(
    rounds.map(async (r) => ({
      round: r,
      selfAssessment: selfs.get(r.id) ?? null,
      result: roundStatus(r, s.now()) === 'CLOSED' ? (await resultsFor(s, r, [m.id]))[0]! : null,
    })),
  );
}

/** Self-assessments of a round, for its managers. */
export async function roundSelfAssessments(s: Session, roundId: string): Promise<SelfAssessment[]> {
  const r = await getRound(s, roundId);
  if (!canManageBranch(s.viewer, r.branchId)) throw forbidden("Self-assessments are read by the branch's secretary and the administrators above it");
  const rows = await s.store.listSelfAssessments([r.id]);
  for (const a of rows) s.audit.note('READ_APPRAISAL', 'Member', a.memberId);
  return rows;
}

/** The hashes of every spent token, sorted (never in arrival order), published once the round has closed. */
export async function spentTokens(s: Session, roundId: string): Promise<string[]> {
  const r = await getRound(s, roundId);
  if (roundStatus(r, s.now()) !== 'CLOSED') throw conflict('The list of counted ballots is published after the round closes');
  return (await s.store.listBallots(r.id)).map((b) => b.tokenHash).sort();
}
