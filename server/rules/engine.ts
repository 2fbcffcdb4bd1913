/**
 * The rules engine: the catalogue (checked at start), the overrides in force, and evaluation of the
 * rules against the graph for a member, a branch, a committee or the university as of a date.
 *
 * Versions. A catalogue entry is version 1 (or whatever it says); each override of a rule is the
 * next version, in force from its effective day. On any day the highest version in force wins, so
 * a later decision replaces an earlier one from its own effective day on, and days before it keep
 * the rule they had. A period (a month of meetings, say) is governed by the version in force on the
 * day it starts.
 */
import type { Branch, GraphStore, RuleOverrideRecord } from '../../graph';
import { CATALOGUE } from './catalogue/index';
import { EVALUATORS } from './evaluators/index';
import { meetingReadSpan } from './evaluators/meeting-minimum';
import { type BranchSlice, FactsCache } from './facts';
import { CatalogueError, checkRule, type LoadedRule, loadCatalogue } from './loader';
import { DAY_MS, formatDay, parseDay, periodAt } from './periods';
import { BranchResults, dayEdgeLimit, type KeptBranch, ResultCache } from './result-cache';
import { groupBy } from '../group-by';
import type { EvaluationWindow, Evaluator, Obligation, RuleContext, RuleDef, ScopeFacts, SubjectKind, SubjectRef } from './types';
import { watchWrites } from './write-watch';

/** A stored change of one rule's parameters (see server/rules/overrides.ts). */
export interface RuleOverride {
  /** `${ruleId}@${version}`: one version of a rule can be written once. */
  id: string;
  ruleId: string;
  version: number;
  /** The complete parameters of this version. */
  params: Record<string, unknown>;
  /** First day in force, 'YYYY-MM-DD' (China Standard Time). */
  effectiveFrom: string;
  reason: string;
  createdBy: string;
  createdAt: number;
}

/** A stored override as the engine reads it (params parsed). */
export const fromRecord = (r: RuleOverrideRecord): RuleOverride => ({ ...r, params: JSON.parse(r.params) as Record<string, unknown> });

export type ScopeKind = Exclude<SubjectKind, 'GROUP'>;
export interface Scope {
  kind: ScopeKind;
  id: string;
}

/** A version of a rule and the span of instants [from, to) it governs. */
export interface RuleSegment {
  rule: RuleDef;
  from: number;
  to: number;
}

interface LoadedOverride {
  o: RuleOverride;
  def: RuleDef;
  from: number;
}

/** The catalogue plus the overrides read at one moment: answers "which rule, which version, when". */
export class RuleSet {
  private readonly timelines = new Map<string, RuleSegment[]>();

  /** Names the catalogue's overrides this set holds (an override's id names one version of one rule, written once). */
  readonly version: string;

  constructor(
    private readonly base: ReadonlyMap<string, LoadedRule[]>,
    private readonly overrides: ReadonlyMap<string, LoadedOverride[]>,
  ) {
    this.version = [...overrides.values()]
      .flat()
      .map((o) => o.o.id)
      .sort()
      .join(',');
  }

  ids(): string[] {
    return [...this.base.keys()];
  }

  /** The catalogue entry of a rule in force at t, or its latest entry. */
  baseRule(id: string, at?: number): RuleDef | null {
    const list = this.base.get(id);
    if (!list) return null;
    const hit = at === undefined ? undefined : list.find((r) => r.from <= at && at < r.to);
    return (hit ?? list[list.length - 1]).def;
  }

  /** The version of rule `id` in force at instant t; null when none is (unknown id, before or after it). */
  ruleInForce(id: string, at: number): RuleDef | null {
    const bases = this.base.get(id);
    const entry = bases?.find((r) => r.from <= at && at < r.to);
    if (!entry) return null;
    let best: RuleDef = entry.def;
    let bestFrom = entry.from;
    for (const o of this.overrides.get(id) ?? []) {
      if (o.from <= at && o.def.version > best.version) {
        best = o.def;
        bestFrom = o.from;
      }
    }
    const to = this.nextChange(id, at);
    return { ...best, effectiveFrom: formatDay(bestFrom), ...(Number.isFinite(to) ? { effectiveTo: formatDay(to) } : {}) };
  }

  /** Every version of a rule (catalogue entries and overrides), oldest version first. */
  history(id: string): RuleDef[] {
    const out = [...(this.base.get(id) ?? []).map((r) => r.def), ...(this.overrides.get(id) ?? []).map((o) => o.def)];
    return out.sort((a, b) => a.version - b.version);
  }

  overridesOf(id: string): RuleOverride[] {
    return (this.overrides.get(id) ?? []).map((o) => o.o);
  }

  /** The next version number an override of this rule gets. */
  nextVersion(id: string): number {
    return Math.max(0, ...this.history(id).map((r) => r.version)) + 1;
  }

  private changePoints(id: string): number[] {
    const pts = new Set<number>();
    for (const r of this.base.get(id) ?? []) {
      pts.add(r.from);
      if (Number.isFinite(r.to)) pts.add(r.to);
    }
    for (const o of this.overrides.get(id) ?? []) pts.add(o.from);
    return [...pts].sort((a, b) => a - b);
  }

  private nextChange(id: string, at: number): number {
    return this.changePoints(id).find((p) => p > at) ?? Number.POSITIVE_INFINITY;
  }

  /** The rule's versions over time, each with the span it governs. */
  timeline(id: string): RuleSegment[] {
    const cached = this.timelines.get(id);
    if (cached) return cached;
    const pts = this.changePoints(id);
    const out: RuleSegment[] = [];
    pts.forEach((from, i) => {
      const to = pts[i + 1] ?? Number.POSITIVE_INFINITY;
      const rule = this.ruleInForce(id, from);
      if (!rule) return;
      const last = out[out.length - 1];
      if (last && last.rule.version === rule.version && last.to === from) {
        last.to = to;
        last.rule = { ...last.rule, ...(Number.isFinite(to) ? { effectiveTo: formatDay(to) } : { effectiveTo: undefined }) };
      } else {
        out.push({ rule: { ...rule, effectiveFrom: formatDay(from), ...(Number.isFinite(to) ? { effectiveTo: formatDay(to) } : { effectiveTo: undefined }) }, from, to });
      }
    });
    for (const s of out) if (s.rule.effectiveTo === undefined) delete s.rule.effectiveTo;
    this.timelines.set(id, out);
    return out;
  }

  /** Versions of a rule governing some instant in [from, to). */
  segments(id: string, from: number, to: number): RuleSegment[] {
    return this.timeline(id).filter((s) => s.from < to && from < s.to);
  }
}

export interface RulesEngineOptions {
  store: GraphStore;
  catalogue?: readonly RuleDef[];
  evaluators?: readonly Evaluator[];
  /** Reads the stored overrides; default: the store's. */
  loadOverrides?: () => Promise<RuleOverride[]>;
  /** How long a read of the overrides is reused (ms). Writes through this engine invalidate it at once. */
  overridesTtlMs?: number;
  /**
   * How long the facts of a branch are kept without a write to them being heard (ms; default 60 s).
   * Writes through this engine's store object drop them at once; this bounds how long a write by
   * another process goes unseen. 0: read the facts for every evaluation.
   */
  factsTtlMs?: number;
  /** Most branch fact slices kept in memory (default 4,000). */
  maxFactSlices?: number;
  /** Most evaluations kept for reuse (result-cache.ts; default 500, 0: none). */
  maxKeptEvaluations?: number;
  /**
   * Most per-branch parts of evaluations kept (result-cache.ts BranchResults; default 2,000). 0: none,
   * so an evaluation that cannot be reused whole is judged whole again.
   */
  maxKeptBranchResults?: number;
}

export interface EvaluateOptions {
  /** Default: the year before asOf and five weeks after it. */
  window?: EvaluationWindow;
  /** Only these rules. */
  ruleIds?: readonly string[];
}

/** How far before and after "as of" a default evaluation looks. */
export const DEFAULT_LOOK_BACK_MS = 366 * DAY_MS;
export const DEFAULT_LOOK_AHEAD_MS = 35 * DAY_MS;

export class RulesEngine {
  readonly store: GraphStore;
  private readonly base: Map<string, LoadedRule[]>;
  private readonly evaluators: Map<string, Evaluator>;
  private readonly loadOverrides: () => Promise<RuleOverride[]>;
  private readonly ttl: number;
  private cached: { at: number; set: Promise<RuleSet> } | null = null;
  /** The facts of branches kept between evaluations (see facts.ts). */
  readonly facts: FactsCache;
  /** Evaluations kept while their rules, facts and day hold (see result-cache.ts); null: none kept. */
  readonly results: ResultCache | null;
  /** Per-branch parts of evaluations (see result-cache.ts); null: none kept. */
  readonly branchResults: BranchResults | null;

  constructor(opts: RulesEngineOptions) {
    this.store = opts.store;
    const evaluators = opts.evaluators ?? EVALUATORS;
    this.evaluators = new Map(evaluators.map((e) => [e.kind, e]));
    this.base = loadCatalogue(opts.catalogue ?? CATALOGUE, evaluators);
    const store = opts.store;
    this.loadOverrides = opts.loadOverrides ?? (async () => (await store.listRuleOverrides()).map(fromRecord));
    this.ttl = opts.overridesTtlMs ?? 2000;
    this.facts = new FactsCache(store, { ttlMs: opts.factsTtlMs ?? 60_000, maxEntries: opts.maxFactSlices ?? 4000 });
    const kept = opts.maxKeptEvaluations ?? 500;
    this.results = kept > 0 && (opts.factsTtlMs ?? 60_000) > 0 ? new ResultCache(kept) : null;
    const parts = opts.maxKeptBranchResults ?? 2000;
    this.branchResults = this.results && parts > 0 ? new BranchResults(parts) : null;
    watchWrites(store, (n) => {
      this.facts.noteWrite(n);
      if (n.method === 'createRuleOverride') this.invalidate();
    });
  }

  /** The catalogue and overrides now (overrides re-read at most every `overridesTtlMs`). */
  ruleSet(now = Date.now()): Promise<RuleSet> {
    if (this.cached && now - this.cached.at < this.ttl && now >= this.cached.at) return this.cached.set;
    const set = this.loadOverrides().then((list) => this.build(list));
    this.cached = { at: now, set };
    set.catch(() => {
      if (this.cached?.set === set) this.cached = null;
    });
    return set;
  }

  /** Forget the cached overrides (after writing one). */
  invalidate(): void {
    this.cached = null;
  }

  /** Check an override against its rule's evaluator, as the catalogue is checked. */
  checkOverride(o: RuleOverride): RuleDef {
    const base = this.base.get(o.ruleId);
    if (!base) throw new CatalogueError(o.ruleId, 'ruleId', 'no such rule in the catalogue');
    const from = parseDay(o.effectiveFrom);
    if (from === null) throw new CatalogueError(o.ruleId, 'effectiveFrom', 'effectiveFrom must be a calendar day YYYY-MM-DD');
    const entry = base.find((r) => r.from <= from && from < r.to) ?? base[base.length - 1];
    const def: RuleDef = { ...entry.def, version: o.version, params: o.params, effectiveFrom: o.effectiveFrom };
    return checkRule(def, this.evaluators).def;
  }

  private build(list: RuleOverride[]): RuleSet {
    const byRule = new Map<string, LoadedOverride[]>();
    for (const o of list) {
      if (!this.base.has(o.ruleId)) continue; // a rule dropped from the catalogue: its overrides end with it
      const def = this.checkOverride(o);
      const rows = byRule.get(o.ruleId) ?? [];
      rows.push({ o, def, from: parseDay(o.effectiveFrom)! });
      byRule.set(o.ruleId, rows);
    }
    for (const rows of byRule.values()) rows.sort((a, b) => a.def.version - b.def.version);
    return new RuleSet(this.base, byRule);
  }

  /** The version of a rule in force at an instant (overrides applied); null when none is. */
  async ruleInForce(id: string, at: number): Promise<RuleDef | null> {
    return (await this.ruleSet()).ruleInForce(id, at);
  }

  /**
   * Evaluate the rules for everything in a scope as of an instant; obligations sorted by due date. An
   * evaluation whose rules, facts and day still hold is reused (result-cache.ts); otherwise, where it
   * is made of per-branch parts, only the branches whose part no longer holds are judged again.
   */
  async evaluate(scope: Scope, asOf: number, opts: EvaluateOptions = {}): Promise<Obligation[]> {
    const set = await this.ruleSet();
    const window = opts.window ?? { from: asOf - DEFAULT_LOOK_BACK_MS, to: asOf + DEFAULT_LOOK_AHEAD_MS };
    const span = meetingReadSpan(window);
    let slices: Promise<Map<string, BranchSlice>> | null = null;
    const slicesOf = () => (slices ??= subjects.factBranchIds().then((ids) => this.facts.slices(ids, span.from, span.to)));
    let facts: Promise<ScopeFacts> | null = null;
    const factsOf = (): Promise<ScopeFacts> => (facts ??= slicesOf().then((got) => ({ ...span, branch: (id) => (id && got.get(id)) || emptySlice(id ?? '') })));
    const subjects = new SubjectResolver(this.store, scope, this.facts, factsOf);
    const readFrom = periodAt('YEAR', window.from).start;
    const ids = opts.ruleIds ?? set.ids();
    const segments = ids.flatMap((id) => set.segments(id, readFrom, window.to));
    // Reused only when every rule judges branches or members from the facts and reports its changes.
    const reusable =
      this.results !== null &&
      scope.kind !== 'MEMBER' &&
      segments.every((seg) => this.evaluators.get(seg.rule.kind)!.reportsChanges && (seg.rule.appliesTo === 'BRANCH' || seg.rule.appliesTo === 'MEMBER'));
    const key = reusable ? JSON.stringify([scope.kind, scope.id, set.version, asOf - window.from, window.to - asOf, ids]) : '';
    if (reusable) {
      const hit = this.results!.get(key, asOf, await subjects.branchList(), await slicesOf());
      if (hit) return hit;
    }
    const memos = new Map<string, Promise<unknown>>();
    const contextFor = (until: RuleContext['until']): RuleContext => ({
      store: this.store,
      asOf,
      window,
      memo: <T>(key: string, load: () => Promise<T>) => {
        if (!memos.has(key)) memos.set(key, load());
        return memos.get(key) as Promise<T>;
      },
      facts: factsOf,
      until: (t, branchId) => {
        if (t > asOf) until(t, branchId);
      },
    });
    const inWindow = (o: Obligation) => !o.period || (o.period.from < window.to && window.from < o.period.to);
    if (reusable && this.branchResults) return this.byBranch(asOf, { key, set, window, ids, segments, subjects, slicesOf, factsOf, contextFor, inWindow });
    const limit = { until: dayEdgeLimit(asOf, window) };
    const ctx = contextFor((t) => {
      if (t < limit.until) limit.until = t;
    });
    const results = await Promise.all(
      segments.map(async (seg) => {
        const evaluator = this.evaluators.get(seg.rule.kind)!;
        const targets = await subjects.of(seg.rule.appliesTo);
        if (targets.length === 0) return [];
        return evaluator.evaluate(ctx, seg.rule, targets, asOf);
      }),
    );
    const out = results.flat().filter(inWindow).sort(byDue);
    if (reusable) this.results!.set(key, { from: asOf, until: limit.until, branchList: await subjects.branchList(), slices: await slicesOf(), result: out });
    return reusable ? [...out] : out;
  }

  /**
   * An evaluation made of per-branch parts (result-cache.ts BranchResults): kept parts whose branch,
   * slice and day hold are reused; the other branches are judged together, each rule once over all
   * their subjects, and their obligations split into new parts by the subject's branch.
   */
  private async byBranch(asOf: number, e: ByBranchInput): Promise<Obligation[]> {
    const parts = this.branchResults!;
    const partKey = JSON.stringify([e.set.version, asOf - e.window.from, e.window.to - asOf, e.ids]);
    const base = dayEdgeLimit(asOf, e.window);
    const facts = await e.factsOf();
    const branches = await e.subjects.of('BRANCH');
    const kept = new Map<string, KeptBranch>();
    const stale: SubjectRef[] = [];
    for (const b of branches) {
      const part = parts.get(`${b.id}|${partKey}`, asOf, b, facts.branch(b.id));
      if (part) kept.set(b.id, part);
      else stale.push(b);
    }
    let fresh: Obligation[] = [];
    let staleUntil = base;
    if (stale.length > 0) {
      const limits = new Map(stale.map((b) => [b.id, base]));
      const ctx = e.contextFor((t, branchId) => {
        const lower = (id: string) => {
          const l = limits.get(id);
          if (l !== undefined && t < l) limits.set(id, t);
        };
        if (branchId === undefined) for (const id of limits.keys()) lower(id);
        else lower(branchId);
      });
      const needMembers = e.segments.some((seg) => seg.rule.appliesTo === 'MEMBER');
      const members = needMembers ? (await e.subjects.of('MEMBER')).filter((m) => m.branchId !== undefined && limits.has(m.branchId)) : [];
      const results = await Promise.all(
        e.segments.map(async (seg) => {
          const targets = seg.rule.appliesTo === 'BRANCH' ? stale : members;
          return targets.length === 0 ? [] : this.evaluators.get(seg.rule.kind)!.evaluate(ctx, seg.rule, targets, asOf);
        }),
      );
      // Sorted once: each branch's obligations keep that order when split into parts.
      fresh = results.flat().filter(e.inWindow).sort(byDue);
      for (const l of limits.values()) if (l < staleUntil) staleUntil = l;
      const byBranch = groupBy(fresh, (o) => o.subject.branchId ?? '');
      // Every obligation names a subject of a judged branch (kept apart otherwise: nothing is kept then).
      if ([...byBranch.keys()].every((id) => limits.has(id))) {
        for (const b of stale) {
          const part: KeptBranch = { from: asOf, until: limits.get(b.id)!, name: b.name, committeeId: b.committeeId, slice: facts.branch(b.id), result: byBranch.get(b.id) ?? [] };
          parts.set(`${b.id}|${partKey}`, part);
        }
      }
    }
    // Obligations that sort equal name one subject, so they come from one part (or from `fresh`) in the
    // order judged; every part is sorted, so the sort below merges sorted runs.
    const out = [...fresh];
    for (const part of kept.values()) for (const o of part.result) out.push(o);
    if (kept.size > 0) out.sort(byDue);
    let until = staleUntil;
    for (const p of kept.values()) if (p.until < until) until = p.until;
    this.results!.set(e.key, { from: asOf, until, branchList: await e.subjects.branchList(), slices: await e.slicesOf(), result: out });
    return [...out];
  }
}

/** What RulesEngine.evaluate hands over to its per-branch path. */
interface ByBranchInput {
  key: string;
  set: RuleSet;
  window: EvaluationWindow;
  ids: readonly string[];
  segments: RuleSegment[];
  subjects: SubjectResolver;
  slicesOf: () => Promise<Map<string, BranchSlice>>;
  factsOf: () => Promise<ScopeFacts>;
  contextFor: (until: RuleContext['until']) => RuleContext;
  inWindow: (o: Obligation) => boolean;
}

/** The collation of String.prototype.localeCompare, made once (localeCompare makes one per call). */
const collator = new Intl.Collator();

const byDue = (a: Obligation, b: Obligation) =>
  (a.dueAt ?? Number.POSITIVE_INFINITY) - (b.dueAt ?? Number.POSITIVE_INFINITY) || collator.compare(a.ruleId, b.ruleId) || collator.compare(a.subject.id, b.subject.id);

const emptySlice = (branchId: string): BranchSlice => ({
  branchId,
  members: [],
  groups: 0,
  meetings: [],
  talks: [],
  milestones: new Map(),
  standards: new Map(),
  payments: new Map(),
  letters: new Map(),
  derived: new Map(),
});

/**
 * The subjects of each kind inside a scope, read lazily (members only when a member rule runs): the
 * scope's branches from a list kept until the organization changes, its members from the facts.
 */
class SubjectResolver {
  private readonly cache = new Map<SubjectKind, Promise<SubjectRef[]>>();
  constructor(
    private readonly store: GraphStore,
    private readonly scope: Scope,
    private readonly facts: FactsCache,
    private readonly scopeFacts: () => Promise<ScopeFacts>,
  ) {}

  of(kind: SubjectKind): Promise<SubjectRef[]> {
    if (!this.cache.has(kind)) this.cache.set(kind, this.read(kind));
    return this.cache.get(kind)!;
  }

  private list: Promise<Branch[]> | null = null;

  /** The scope's branch list, read once per evaluation (the facts cache keeps the same object until the organization changes). */
  branchList(): Promise<Branch[]> {
    const { kind, id } = this.scope;
    if (kind === 'MEMBER') return Promise.resolve([]);
    this.list ??= this.facts.scopeValue(`${kind}:${id}`, () =>
      kind === 'UNIVERSITY' ? this.store.listBranches() : kind === 'COMMITTEE' ? this.store.listBranches([id]) : this.store.getBranchesByIds([id]),
    );
    return this.list;
  }

  /** The branches whose facts the evaluation needs: the scope's, or the member's own. */
  async factBranchIds(): Promise<string[]> {
    const list = await this.of(this.scope.kind === 'MEMBER' ? 'MEMBER' : 'BRANCH');
    return [...new Set(list.map((s) => s.branchId).filter((id): id is string => !!id))];
  }

  private async branches(): Promise<SubjectRef[]> {
    if (this.scope.kind === 'MEMBER') return [];
    return (await this.branchList()).map((b) => ({ kind: 'BRANCH', id: b.id, name: b.name, branchId: b.id, committeeId: b.committeeId }));
  }

  private async read(kind: SubjectKind): Promise<SubjectRef[]> {
    const { kind: sk, id } = this.scope;
    switch (kind) {
      case 'UNIVERSITY': {
        if (sk !== 'UNIVERSITY') return [];
        const u = await this.store.getUniversity();
        return u && u.id === id ? [{ kind: 'UNIVERSITY', id: u.id, name: u.name }] : [];
      }
      case 'COMMITTEE': {
        if (sk === 'UNIVERSITY') return (await this.store.listCommittees()).map((c) => ({ kind: 'COMMITTEE', id: c.id, name: c.name, committeeId: c.id }));
        if (sk !== 'COMMITTEE') return [];
        return (await this.store.getCommitteesByIds([id])).map((c) => ({ kind: 'COMMITTEE', id: c.id, name: c.name, committeeId: c.id }));
      }
      case 'BRANCH':
        return this.branches();
      case 'GROUP': {
        const branches = await this.of('BRANCH');
        const groups = await Promise.all(
          branches.map(async (b) =>
            (await this.store.listGroups(b.id)).map((g): SubjectRef => ({ kind: 'GROUP', id: g.id, name: g.name, branchId: b.id, committeeId: b.committeeId })),
          ),
        );
        return groups.flat();
      }
      case 'MEMBER': {
        if (sk === 'MEMBER') {
          const [m] = await this.store.getMembersByIds([id]);
          return m ? [{ kind: 'MEMBER', id: m.id, name: m.name, branchId: m.branchId }] : [];
        }
        const branches = await this.of('BRANCH');
        if (branches.length === 0) return [];
        const facts = await this.scopeFacts();
        const out: SubjectRef[] = [];
        for (const b of branches) {
          for (const m of facts.branch(b.id).members) out.push({ kind: 'MEMBER', id: m.id, name: m.name, branchId: m.branchId, committeeId: b.committeeId });
        }
        return out;
      }
    }
  }
}

/** The catalogue alone as a RuleSet (no overrides): for pure computations and tests. */
export function catalogueRuleSet(catalogue: readonly RuleDef[] = CATALOGUE, evaluators: readonly Evaluator[] = EVALUATORS): RuleSet {
  return new RuleSet(loadCatalogue(catalogue, evaluators), new Map());
}

const engines = new WeakMap<GraphStore, RulesEngine>();

/** One engine per store, for callers that have a store and no engine of their own. */
export function rulesFor(store: GraphStore): RulesEngine {
  let e = engines.get(store);
  if (!e) {
    e = new RulesEngine({ store });
    engines.set(store, e);
  }
  return e;
}
