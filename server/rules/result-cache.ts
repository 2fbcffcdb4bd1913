/**
 * Evaluations kept and reused while nothing they depend on can have changed. An evaluation of a scope
 * depends on:
 * - the rules: the catalogue and the overrides, named by the rule set's version (engine.ts);
 * - the facts: the branch slices it read (facts.ts), compared by identity, since a write, a new branch
 *   or the facts' time limit replaces a slice with a new object;
 * - "as of" and the window: periods, rule versions and the window's periods all start and end on day
 *   boundaries in China (UTC+8), so nothing of them changes before "as of" or a window edge reaches
 *   the next one; anything else (a meeting's time, a deadline) is reported by the evaluator that
 *   judges it (RuleContext.until).
 * A kept evaluation is reused for an "as of" in [the instant it was made for, the first such change),
 * for the same scope, rule version, window offsets and rule ids: the answer is the one a new
 * evaluation would give, which test/rules/result-cache.test.ts checks against an engine that keeps
 * nothing.
 *
 * Per branch. The rules that allow reuse judge branches and members only, and each branch or member
 * from its own branch's slice alone, so an evaluation is the union of one part per branch. Each part
 * is kept too (BranchResults), under the same conditions narrowed to that branch: its slice, its name
 * and committee, the rules, the window offsets and "as of" up to the first change the evaluators
 * reported for that branch. After a write to one branch only that branch is judged again; a part is
 * shared by every scope holding the branch (the branch itself, its committee, the university).
 */
import type { BranchSlice } from './facts';
import { CST_OFFSET_MS, DAY_MS } from './periods';
import type { EvaluationWindow, Obligation } from './types';

/** How long from `x` until it crosses a day boundary in China: to the next midnight, or 1 ms when on one (x = B flips `B < x` at B + 1). */
export function untilDayEdge(x: number): number {
  const intoDay = (((x + CST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return intoDay === 0 ? 1 : DAY_MS - intoDay;
}

/** The first "as of" at which the day-boundary part of an evaluation may change: "as of" or a window edge crossing a boundary. */
export function dayEdgeLimit(asOf: number, window: EvaluationWindow): number {
  return asOf + Math.min(untilDayEdge(asOf), untilDayEdge(window.from), untilDayEdge(window.to));
}

interface Kept {
  /** The "as of" it was made for and the first "as of" it no longer holds for. */
  from: number;
  until: number;
  /** The scope's branch list and the slices it was computed from. */
  branchList: unknown;
  slices: ReadonlyMap<string, BranchSlice>;
  result: readonly Obligation[];
}

const sameSlices = (a: ReadonlyMap<string, BranchSlice>, b: ReadonlyMap<string, BranchSlice>) => {
  if (a.size !== b.size) return false;
  for (const [id, s] of a) if (b.get(id) !== s) return false;
  return true;
};

/** One branch's part of an evaluation: its obligations (sorted as the evaluation sorts them) and what they were judged from. */
export interface KeptBranch {
  from: number;
  until: number;
  /** The branch's name and committee, as its obligations name them. */
  name: string | undefined;
  committeeId: string | undefined;
  slice: BranchSlice;
  result: readonly Obligation[];
}

/** Entries kept for [from, until), oldest dropped first beyond `maxEntries`; an empty span is not kept. */
abstract class BoundedKept<V extends { from: number; until: number }> {
  protected readonly entries = new Map<string, V>();
  /** Counters for tests and the bench: entries reused and entries missed. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(private readonly maxEntries: number) {}

  set(key: string, kept: V): void {
    if (kept.until <= kept.from) return;
    this.entries.delete(key);
    this.entries.set(key, kept);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The kept parts of evaluations, per branch (see above); oldest dropped first beyond `maxEntries`. */
export class BranchResults extends BoundedKept<KeptBranch> {
  constructor(maxEntries = 2000) {
    super(maxEntries);
  }

  /** The kept part for `key` when it still holds for this "as of", this branch and this slice. */
  get(key: string, asOf: number, branch: { name?: string; committeeId?: string }, slice: BranchSlice): KeptBranch | null {
    const e = this.entries.get(key);
    if (e && e.from <= asOf && asOf < e.until && e.slice === slice && e.name === branch.name && e.committeeId === branch.committeeId) {
      this.stats.hits++;
      return e;
    }
    this.stats.misses++;
    return null;
  }
}

export class ResultCache extends BoundedKept<Kept> {
  constructor(maxEntries = 500) {
    super(maxEntries);
  }

  /** The kept evaluation for `key` when it still holds for this "as of" and these facts; a copy of its list. */
  get(key: string, asOf: number, branchList: unknown, slices: ReadonlyMap<string, BranchSlice>): Obligation[] | null {
    const e = this.entries.get(key);
    if (e && e.from <= asOf && asOf < e.until && e.branchList === branchList && sameSlices(e.slices, slices)) {
      this.stats.hits++;
      return [...e.result];
    }
    this.stats.misses++;
    return null;
  }
}
