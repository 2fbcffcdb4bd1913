/**
 * The facts the evaluators judge (members, groups, meetings, talks, milestones, dues, open transfer
 * letters), per branch, read for all the branches of a scope in one batch (graph/rule-facts.ts) and
 * kept between evaluations until a write changes them.
 *
 * Freshness. Every write through the engine's store object is heard (write-watch.ts) and drops the
 * facts of the branch it touches: a meeting, group, member or talk by its branch; a milestone, dues
 * standard or payment, transfer case or member change by the member's branch. A write this file does
 * not know drops every branch. A read that overlaps a write is used once and not kept. Writes by
 * another process (a second server on the same Neo4j, the CLI) cannot be heard: facts are re-read
 * after `ttlMs` at the latest.
 */
import type { BranchFacts, DuesPayment, DuesStandard, FactMeeting, FactMember, FactTalk, GraphStore, Milestone, TransferCase } from '../../graph';
import { sortMilestones } from '../../graph';
import type { WriteNotice } from './write-watch';
import { groupBy } from '../group-by';

/** One branch's facts over one span of time, indexed for the evaluators. */
export interface BranchSlice {
  branchId: string;
  /** Ordered by id. */
  members: FactMember[];
  groups: number;
  /** Ordered by time, then id. */
  meetings: FactMeeting[];
  talks: FactTalk[];
  /** Per member, in pipeline order. */
  milestones: Map<string, Milestone[]>;
  standards: Map<string, DuesStandard[]>;
  payments: Map<string, DuesPayment[]>;
  letters: Map<string, TransferCase[]>;
  /**
   * Values computed from this slice alone (a member's arrears up to a month, say), kept as long as
   * the slice: a write replaces the slice and with it everything derived from it.
   */
  derived: Map<string, unknown>;
}

/** A value derived from a slice's facts, computed once per slice. */
export function derive<T>(slice: BranchSlice, key: string, compute: () => T): T {
  if (slice.derived.has(key)) return slice.derived.get(key) as T;
  const v = compute();
  slice.derived.set(key, v);
  return v;
}

interface Entry {
  slice: BranchSlice;
  gen: number;
  global: number;
  at: number;
}

/** Methods that write nothing an evaluator reads (learning events, accounts, notices, ballots, tags, ...). */
const IRRELEVANT = new Set([
  'recordStudy',
  'recordAnswer',
  'recordEventBatch',
  'completeOutbox',
  'upsertMastery',
  'replaceGaps',
  'saveStudyPlan',
  'setEmbeddings',
  'ensureVectorIndex',
  'appendAccess',
  'replaceAutoTags',
  'setManualTags',
  'upsertTopic',
  'createCourse',
  'updateCourse',
  'upsertQuestion',
  'recordAttendance',
  'createNotice',
  'markNoticeRead',
  'createAccount',
  'updateAccount',
  'addFailedSignIn',
  'createAuthSession',
  'touchAuthSession',
  'revokeAuthSessions',
  'createAccessToken',
  'revokeAccessTokens',
  'touchAccessToken',
  'createAppraisalRound',
  'closeAppraisalRound',
  'recordBallotIssue',
  'storeBallot',
  'upsertSelfAssessment',
  'createUniversity',
  // learning summaries and the audit chain, where a store has them
  'saveMemberLearning',
  'auditHead',
  'pruneAudit',
  // member records (dates, sponsors, contact) and imported profiles: no evaluator reads them
  'saveMemberRecord',
  'saveImportedProfile',
  'deleteImportedProfile',
]);

/** Writes that add an organizational unit: cached lists of a scope's branches go, facts stay. */
const ORG = new Set(['createCommittee', 'createBranch']);

/** Split one batched read into per-branch slices (every branch asked for gets one, empty or not). */
export function sliceFacts(branchIds: readonly string[], f: BranchFacts): Map<string, BranchSlice> {
  const branchOfMember = new Map(f.members.map((m) => [m.id, m.branchId]));
  const of = <T>(xs: T[], member: (x: T) => string) => groupBy(xs, (x) => branchOfMember.get(member(x)) ?? '');
  const members = groupBy(
    [...f.members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    (m) => m.branchId,
  );
  const meetings = groupBy(f.meetings, (m) => m.branchId);
  const talks = groupBy(f.talks, (t) => t.branchId);
  const milestones = of(f.milestones, (x) => x.memberId);
  const standards = of(f.duesStandards, (x) => x.memberId);
  const payments = of(f.duesPayments, (x) => x.memberId);
  const letters = of(f.openLetters, (x) => x.memberId);
  const out = new Map<string, BranchSlice>();
  for (const id of branchIds) {
    const ms = new Map<string, Milestone[]>();
    for (const [k, v] of groupBy(milestones.get(id) ?? [], (x) => x.memberId)) ms.set(k, sortMilestones(v));
    out.set(id, {
      branchId: id,
      members: members.get(id) ?? [],
      groups: f.groupCounts.get(id) ?? 0,
      meetings: meetings.get(id) ?? [],
      talks: talks.get(id) ?? [],
      milestones: ms,
      standards: groupBy(standards.get(id) ?? [], (x) => x.memberId),
      payments: groupBy(payments.get(id) ?? [], (x) => x.memberId),
      letters: groupBy(letters.get(id) ?? [], (x) => x.memberId),
      derived: new Map(),
    });
  }
  return out;
}

export interface FactsCacheOptions {
  /** How long facts are trusted without a write heard (ms); 0 reads them for every evaluation. */
  ttlMs: number;
  /** Most branch slices kept (oldest dropped first). */
  maxEntries: number;
  now?: () => number;
}

export class FactsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly gens = new Map<string, number>();
  private readonly memberBranch = new Map<string, string>();
  private global = 0;
  /** Bumped by member writes whose branch is unknown while reads are in flight. */
  private unattributed = 0;
  private inFlight = 0;
  /** Cached branch lists of scopes (listBranches), dropped when the organization changes. */
  readonly scopes = new Map<string, { global: number; org: number; value: Promise<unknown> }>();
  private org = 0;
  private readonly now: () => number;
  /** Counters for tests and the bench: slices served from memory and slices read. */
  readonly stats = { hits: 0, reads: 0, batches: 0 };

  constructor(
    private readonly store: GraphStore,
    private readonly opts: FactsCacheOptions,
  ) {
    this.now = opts.now ?? Date.now;
  }

  private gen(branchId: string): number {
    return this.gens.get(branchId) ?? 0;
  }

  private bump(branchId: string | undefined | null): void {
    if (!branchId) return;
    this.gens.set(branchId, this.gen(branchId) + 1);
  }

  private bumpMember(memberId: unknown): void {
    const b = typeof memberId === 'string' ? this.memberBranch.get(memberId) : undefined;
    if (b) this.bump(b);
    // No cached branch holds this member; a read in flight might, so it must not be kept.
    else if (this.inFlight > 0) this.unattributed++;
  }

  /** Forget everything (a write of an unknown kind, a bulk load, a cleared store). */
  dropAll(): void {
    this.global++;
    this.org++;
    this.entries.clear();
  }

  /** Called for every write through the store (see write-watch.ts). */
  noteWrite(n: WriteNotice): void {
    const a = (n.args[0] ?? {}) as Record<string, unknown>;
    switch (n.method) {
      case 'createMeeting':
      case 'createGroup':
      case 'createMember':
      case 'createTalkRecord':
        this.bump(a.branchId as string);
        return;
      case 'updateMember':
        this.bumpMember(n.args[0]);
        return;
      case 'moveMember':
        this.bumpMember(a.memberId);
        this.bump(a.toBranchId as string);
        return;
      case 'addMilestone':
      case 'setDuesStandard':
      case 'recordDuesPayment':
      case 'createTransferCase':
        this.bumpMember(a.memberId);
        return;
      case 'advanceTransferCase': {
        const c = n.result as TransferCase | undefined;
        if (c?.memberId) this.bumpMember(c.memberId);
        else if (!n.failed) this.dropAll();
        return;
      }
      default:
        if (IRRELEVANT.has(n.method) || n.method === 'createRuleOverride') return;
        if (ORG.has(n.method)) {
          this.org++;
          return;
        }
        this.dropAll();
    }
  }

  /** A scope's branch list, kept until the organization changes (or ttlMs passes). */
  scopeValue<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.scopes.get(key);
    if (hit && hit.global === this.global && hit.org === this.org && this.opts.ttlMs > 0) return hit.value as Promise<T>;
    const value = load();
    const entry = { global: this.global, org: this.org, value };
    this.scopes.set(key, entry);
    value.catch(() => {
      if (this.scopes.get(key) === entry) this.scopes.delete(key);
    });
    return value;
  }

  /** The facts of these branches over [from, to): from memory where still fresh, the rest in one batched read. */
  async slices(branchIds: readonly string[], from: number, to: number): Promise<Map<string, BranchSlice>> {
    const now = this.now();
    const out = new Map<string, BranchSlice>();
    const missing: string[] = [];
    for (const id of new Set(branchIds)) {
      const key = `${id}|${from}|${to}`;
      const e = this.entries.get(key);
      if (e && e.gen === this.gen(id) && e.global === this.global && now - e.at < this.opts.ttlMs) {
        out.set(id, e.slice);
        this.stats.hits++;
      } else {
        if (e) this.entries.delete(key);
        missing.push(id);
      }
    }
    if (missing.length === 0) return out;
    const startGens = missing.map((id) => this.gen(id));
    const startGlobal = this.global;
    const startUnattributed = this.unattributed;
    this.inFlight++;
    let facts: BranchFacts;
    try {
      facts = await this.store.readBranchFacts(missing, from, to);
    } finally {
      this.inFlight--;
    }
    this.stats.batches++;
    this.stats.reads += missing.length;
    for (const m of facts.members) this.memberBranch.set(m.id, m.branchId);
    const read = sliceFacts(missing, facts);
    const keep = this.opts.ttlMs > 0 && this.global === startGlobal && this.unattributed === startUnattributed;
    missing.forEach((id, i) => {
      const slice = read.get(id)!;
      out.set(id, slice);
      if (keep && this.gen(id) === startGens[i]) this.remember(`${id}|${from}|${to}`, { slice, gen: startGens[i], global: startGlobal, at: now });
    });
    return out;
  }

  private remember(key: string, e: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, e);
    while (this.entries.size > this.opts.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
