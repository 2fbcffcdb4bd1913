/**
 * Mastery rows of members whose history grows at its end, folding only the events not folded before.
 *
 * `rows(member, view, history)` returns exactly what `MasteryService.fromHistory` returns for the same
 * history. For each member it keeps the fold of the events it has seen (their keys and integrity
 * discounts, in fold order). On the next call it takes the member's events in fold order (time, then id)
 * with the discounts the integrity checks give over the whole history now, and folds only the new ones
 * onto the kept fold when the kept events are exactly the first ones of that list, each with the same
 * discount. Otherwise it folds the whole history again, as `fromHistory` does:
 * - an event older than the last one folded (out of order) changes the order of the list;
 * - a new event that changes an earlier event's discount (a same-option streak is recognised only
 *   when it is long enough, and then discounts every answer in it);
 * - a history cut at the read limit loses its oldest events;
 * - another curriculum view, another stage, or a member not kept (first pass after a start, or evicted).
 * A replayed event is stored once, so it leaves the history, and the rows, unchanged.
 *
 * Nothing here is stored: the kept folds are a cache of what the store's history determines, checked
 * against that history on every call, so a restart (or a crash) only costs one full fold per member.
 * The cache is bounded by the number of events it keeps (least recently used members go first).
 */
import type { Mastery, Member, MemberHistory } from '../../../graph';
import { checkIntegrity, modelDiscountOf } from '../integrity/evidence-integrity';
import { keyedEventsFromHistory } from '../model/history-events';
import { type MemberFold, ProductModel } from '../model/product-model';
import type { CurriculumView } from './curriculum-view';
import type { MasteryService } from './mastery-service';

/** Events kept across all members by default (a few tens of MB at most). */
export const DEFAULT_FOLD_CACHE_EVENTS = 300_000;

interface Kept {
  view: CurriculumView;
  stage: string | undefined;
  fold: MemberFold;
  /** Keys and discounts of the folded events, in fold order. */
  keys: string[];
  discounts: number[];
  rows: Map<string, Mastery>;
}

export interface IncrementalStats {
  /** Members whose new events were folded onto their kept fold (including calls with no new event). */
  incremental: number;
  /** Members folded from their whole history. */
  full: number;
  /** Events folded (new events on the incremental path, every event on the full path). */
  eventsFolded: number;
}

export class IncrementalMastery {
  readonly stats: IncrementalStats = { incremental: 0, full: 0, eventsFolded: 0 };
  /** Insertion order is use order: the first entry is the least recently used. */
  private readonly kept = new Map<string, Kept>();
  private keptEvents = 0;

  /** `maxEvents`: events kept across members (0 keeps nothing: every call folds the whole history). */
  constructor(
    private readonly mastery: MasteryService,
    private readonly maxEvents = DEFAULT_FOLD_CACHE_EVENTS,
  ) {}

  /** The member's rows from their history: equal to `mastery.fromHistory(member, view, history)`. */
  rows(member: Pick<Member, 'id' | 'stage'>, view: CurriculumView, history: Pick<MemberHistory, 'answers' | 'studies'>): Map<string, Mastery> {
    const model = this.mastery.model;
    if (!(model instanceof ProductModel) || this.maxEvents <= 0) {
      this.stats.full++;
      return this.mastery.fromHistory(member, view, history);
    }
    const events = keyedEventsFromHistory(view, history, modelDiscountOf(checkIntegrity(view, history)));
    const before = this.take(member.id);
    let k = before && before.view === view && before.stage === member.stage && isPrefix(before, events) ? before : null;
    if (k) this.stats.incremental++;
    else {
      this.stats.full++;
      k = { view, stage: member.stage, fold: model.startFold(member, view), keys: [], discounts: [], rows: new Map() };
    }
    const from = k.keys.length;
    if (from < events.length || from === 0) {
      for (let i = from; i < events.length; i++) {
        const { key, e } = events[i];
        k.fold.apply(e);
        k.keys.push(key);
        k.discounts.push(e.discount ?? 0);
      }
      this.stats.eventsFolded += events.length - from;
      k.rows = k.fold.rows();
    }
    this.keep(member.id, k);
    return new Map(k.rows);
  }

  /** Forget every kept fold. */
  clear(): void {
    this.kept.clear();
    this.keptEvents = 0;
  }

  /** Members kept now (for tests and figures). */
  get size(): number {
    return this.kept.size;
  }

  /** Remove and return the member's kept fold (it is put back only after a complete fold). */
  private take(memberId: string): Kept | undefined {
    const k = this.kept.get(memberId);
    if (k) {
      this.kept.delete(memberId);
      this.keptEvents -= k.keys.length;
    }
    return k;
  }

  private keep(memberId: string, k: Kept): void {
    if (k.keys.length > this.maxEvents) return;
    this.kept.set(memberId, k);
    this.keptEvents += k.keys.length;
    for (const [id, old] of this.kept) {
      if (this.keptEvents <= this.maxEvents) break;
      this.kept.delete(id);
      this.keptEvents -= old.keys.length;
    }
  }
}

/** Whether the kept events are the first events of the list, in order and with the same discounts. */
function isPrefix(k: Kept, events: readonly { key: string; e: { discount?: number } }[]): boolean {
  if (k.keys.length > events.length) return false;
  for (let i = 0; i < k.keys.length; i++) {
    if (k.keys[i] !== events[i].key || k.discounts[i] !== (events[i].e.discount ?? 0)) return false;
  }
  return true;
}
