/**
 * What a member's recommendations, plans and "not yet assessed" topics read about their branch, kept in
 * memory per branch so a read makes no branch-wide store reads:
 *  - the subtopics the branch's meetings of the last BRANCH_WINDOW_DAYS discussed (gap reasons);
 *  - study sessions per course by the branch's members in the popularity window (cold start, social proof);
 *  - each member's stored gap topics and the courses they completed in that window (what helped similar members).
 * A page of branches is read with two set-based reads (`listBranchPeers`, `listMeetings`); the server reads
 * every branch's once at start. The write path keeps the entries current: when it applies a member's
 * events (the outbox, or the event hooks) it puts the member's new gaps and study into their branch's
 * entry (`applyMember`). What it does not see (meetings recorded, members moved, the windows sliding, other
 * server processes) is read again in the background once an entry is `ttlMs` old, reads meanwhile getting
 * the entry they had. A member's own mastery, gaps and history are never read from here: they are read
 * fresh, so an answer changes the member's next recommendations.
 */
import type { BranchPeer, GraphStore } from '../../../graph';
import { BRANCH_WINDOW_DAYS, countMeetingTopics } from '../gaps/gap-service';
import type { CurriculumView } from '../mastery/curriculum-view';
import { isCompleted } from '../progress';
import { groupBy } from '../../group-by';

const DAY = 86_400_000;

/** How far back the branch's study counts and similar members' completions are read. */
export const POPULARITY_WINDOW = 180 * DAY;

export interface BranchPeerState {
  id: string;
  gaps: ReadonlySet<string>;
  /** Courses completed (progress.ts) in the popularity window. */
  completed: ReadonlySet<string>;
  /** Study sessions per course in the popularity window (their sum over the branch is its popularity). */
  sessions: ReadonlyMap<string, number>;
}

export interface BranchContext {
  branchId: string;
  /** Subtopic → number of the branch's meetings in the window that discussed it (tag weight ≥ 0.3). */
  meetingTopics: Map<string, number>;
  /** Study sessions per course by the branch's members in the popularity window. */
  popularity: Map<string, number>;
  /** The branch's members, ordered by id. */
  peers: BranchPeerState[];
}

export interface BranchContextOptions {
  /** Age after which an entry is read again, in the background (default 60 s). */
  ttlMs?: number;
  /** Oldest entry a read may still be given while a new one is read (default 1 h); older ones are waited for. */
  maxStaleMs?: number;
  /** Most branches kept (default 5,000; the least recently read go first). */
  maxBranches?: number;
  clock?: () => number;
}

interface Entry {
  ctx: Promise<BranchContext>;
  /** The instant the windows were placed at. */
  at: number;
  /** Wall-clock time of the read. */
  readAt: number;
  /** While a new read is under way: the members patched meanwhile (put into the new one too). */
  patched: Map<string, { gapTopicIds: readonly string[]; studies: readonly StudyRef[] }> | null;
}

type StudyRef = { courseId: string; at: number; progress: number };

/** The branch contexts of `branchIds` at `now` from their stored meetings, gaps and study (pure but for the reads). */
export async function readBranchContexts(store: GraphStore, view: CurriculumView, branchIds: string[], now: number): Promise<Map<string, BranchContext>> {
  const [peers, meetings] = await Promise.all([store.listBranchPeers(branchIds, now - POPULARITY_WINDOW), store.listMeetings(branchIds, now - BRANCH_WINDOW_DAYS * DAY, now + 1)]);
  const out = new Map<string, BranchContext>(branchIds.map((id) => [id, { branchId: id, meetingTopics: new Map(), popularity: new Map(), peers: [] }]));
  for (const [branchId, list] of groupBy(meetings, (m) => m.branchId)) {
    const ctx = out.get(branchId);
    if (ctx) ctx.meetingTopics = countMeetingTopics(view, list);
  }
  for (const p of peers) {
    const ctx = out.get(p.branchId);
    if (ctx) addPeer(ctx, p);
  }
  for (const ctx of out.values()) ctx.peers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

function addPeer(ctx: BranchContext, p: BranchPeer): void {
  const state: BranchPeerState = {
    id: p.memberId,
    gaps: new Set(p.gapTopicIds),
    completed: new Set(p.studies.filter((s) => isCompleted(s.maxProgress)).map((s) => s.courseId)),
    sessions: new Map(p.studies.map((s) => [s.courseId, s.sessions])),
  };
  for (const [c, n] of state.sessions) ctx.popularity.set(c, (ctx.popularity.get(c) ?? 0) + n);
  ctx.peers.push(state);
}

/** A member's state as a peer, from their gap topics and study events, over the window from `since`. */
export function peerStateOf(
  memberId: string,
  gapTopicIds: readonly string[],
  studies: readonly { courseId: string; at: number; progress: number }[],
  since: number,
): BranchPeerState {
  const sessions = new Map<string, number>();
  const completed = new Set<string>();
  for (const s of studies) {
    if (s.at < since) continue;
    sessions.set(s.courseId, (sessions.get(s.courseId) ?? 0) + 1);
    if (isCompleted(s.progress)) completed.add(s.courseId);
  }
  return { id: memberId, gaps: new Set(gapTopicIds), completed, sessions };
}

/** Put a member's new peer state into a context (replacing the old one; popularity follows). Idempotent. */
function patchPeer(ctx: BranchContext, next: BranchPeerState): void {
  let i = 0;
  while (i < ctx.peers.length && ctx.peers[i].id < next.id) i++;
  const old = ctx.peers[i]?.id === next.id ? ctx.peers[i] : null;
  for (const [c, n] of old?.sessions ?? []) ctx.popularity.set(c, (ctx.popularity.get(c) ?? 0) - n);
  for (const [c, n] of next.sessions) ctx.popularity.set(c, (ctx.popularity.get(c) ?? 0) + n);
  for (const [c, n] of ctx.popularity) if (n <= 0) ctx.popularity.delete(c);
  ctx.peers.splice(i, old ? 1 : 0, next);
}

export class BranchContextCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxStaleMs: number;
  private readonly maxBranches: number;
  private readonly clock: () => number;

  constructor(
    private readonly store: GraphStore,
    private readonly view: () => Promise<CurriculumView>,
    opts: BranchContextOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 60_000;
    this.maxStaleMs = opts.maxStaleMs ?? 3_600_000;
    this.maxBranches = opts.maxBranches ?? 5_000;
    this.clock = opts.clock ?? Date.now;
  }

  /**
   * The branch's context for a read at `now`. An entry read for an instant `ttlMs` or more away, or older
   * than `maxStaleMs`, is read again and waited for; an entry past `ttlMs` is returned while a new one is
   * read in the background.
   */
  get(branchId: string, now: number): Promise<BranchContext> {
    const e = this.entries.get(branchId);
    if (!e) return this.load([branchId], now).get(branchId)!;
    const age = this.clock() - e.readAt;
    if (Math.abs(now - e.at) >= this.ttlMs || age >= this.maxStaleMs) return this.load([branchId], now).get(branchId)!;
    // Most recently read last: the first entries are the first to go when the cache is full.
    this.entries.delete(branchId);
    this.entries.set(branchId, e);
    if (!e.patched && age >= this.ttlMs) this.refresh(branchId, e, now);
    return e.ctx;
  }

  /**
   * The write path applied a member's events: put their gap topics and study (their events, any window)
   * into their branch's context, if it is kept, so the next read of any member of the branch sees them.
   */
  applyMember(branchId: string, memberId: string, gapTopicIds: readonly string[], studies: readonly StudyRef[]): void {
    const e = this.entries.get(branchId);
    if (!e) return;
    e.patched?.set(memberId, { gapTopicIds, studies });
    e.ctx = e.ctx.then((ctx) => {
      patchPeer(ctx, peerStateOf(memberId, gapTopicIds, studies, e.at - POPULARITY_WINDOW));
      return ctx;
    });
    e.ctx.catch(() => undefined);
  }

  /** Forget every entry (after the curriculum's tags change). */
  clear(): void {
    this.entries.clear();
  }

  /** Read the contexts of many branches ahead of their first read (server start), `page` branches per read. */
  async warm(branchIds: string[], now: number, page = 50): Promise<number> {
    const ids = branchIds.slice(0, this.maxBranches);
    for (let i = 0; i < ids.length; i += page) await Promise.all(this.load(ids.slice(i, i + page), now).values());
    return ids.length;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Read the entry again in the background; readers get the old one (patched as it goes) until the new one is in. */
  private refresh(branchId: string, old: Entry, now: number): void {
    const patched = new Map<string, { gapTopicIds: readonly string[]; studies: readonly StudyRef[] }>();
    old.patched = patched;
    const readAt = this.clock();
    void this.read([branchId], now).then(
      (m) => {
        if (this.entries.get(branchId) !== old) return;
        const ctx = m.get(branchId)!;
        // Members applied while the read was under way may be missing from it: put them in (idempotent).
        for (const [id, p] of patched) patchPeer(ctx, peerStateOf(id, p.gapTopicIds, p.studies, now - POPULARITY_WINDOW));
        this.entries.set(branchId, { ctx: Promise.resolve(ctx), at: now, readAt, patched: null });
      },
      () => {
        // Kept as it was; a later read tries again.
        old.patched = null;
      },
    );
  }

  private read(branchIds: string[], now: number): Promise<Map<string, BranchContext>> {
    return this.view().then((view) => readBranchContexts(this.store, view, branchIds, now));
  }

  private load(branchIds: string[], now: number): Map<string, Promise<BranchContext>> {
    const readAt = this.clock();
    const all = this.read(branchIds, now);
    const out = new Map<string, Promise<BranchContext>>();
    for (const id of branchIds) {
      const ctx = all.then((m) => m.get(id)!);
      const entry: Entry = { ctx, at: now, readAt, patched: null };
      this.entries.delete(id);
      this.entries.set(id, entry);
      // A failed read is not kept: the next read tries again.
      ctx.catch(() => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
      });
      out.set(id, ctx);
    }
    while (this.entries.size > this.maxBranches) this.entries.delete(this.entries.keys().next().value!);
    return out;
  }
}
