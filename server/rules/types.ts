/**
 * The rules catalogue: every rule that creates a duty or a deadline is data (a RuleDef) with an id,
 * what it applies to, its parameters, effective dates and a citation of the document it comes from.
 * An evaluator (one per `kind`) turns a rule into obligations for the subjects in scope.
 *
 * Dates in a RuleDef are calendar days in China Standard Time ('YYYY-MM-DD'); instants everywhere
 * else are epoch milliseconds.
 */
import type { GraphStore } from '../../graph';
import type { BranchSlice } from './facts';

/** Where a rule comes from. `article` is given only where it was checked against the document's text. */
export interface Citation {
  /** Title of the document, e.g. '中国共产党支部工作条例（试行）'. */
  document: string;
  /** Article, e.g. '第十一条'; only where confirmed against the text. */
  article?: string;
  /** false: the article could not be checked, so the document alone is cited. */
  confirmed: boolean;
  /** What the rule takes from the document, or why the article is not given. */
  note?: string;
}

export const SUBJECT_KINDS = ['MEMBER', 'GROUP', 'BRANCH', 'COMMITTEE', 'UNIVERSITY'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface LocalizedText {
  zh: string;
  en: string;
}

// biome-ignore lint/suspicious/noExplicitAny: rules of different parameter types share the catalogue list
export interface RuleDef<P = any> {
  /** Stable, dotted: 'life.branch-assembly.minimum', 'pipeline.activist.min-wait'. */
  id: string;
  /** 1 in the catalogue; each override of the rule is the next version. */
  version: number;
  /** Evaluator key: 'meeting-minimum', 'pipeline-step', 'dues-arrears', ... */
  kind: string;
  appliesTo: SubjectKind;
  title: LocalizedText;
  /** Checked by the evaluator's validate(). */
  params: P;
  /** First day in force, 'YYYY-MM-DD' (China Standard Time). */
  effectiveFrom: string;
  /** First day no longer in force (exclusive), when the rule ends. */
  effectiveTo?: string;
  citation: Citation;
}

export type ObligationStatus = 'DONE' | 'DUE' | 'OVERDUE' | 'UPCOMING';
export const OBLIGATION_STATUSES: readonly ObligationStatus[] = ['DONE', 'DUE', 'OVERDUE', 'UPCOMING'];

export interface SubjectRef {
  kind: SubjectKind;
  id: string;
  name?: string;
  /** The branch a MEMBER, GROUP or BRANCH subject belongs to (for scope checks and grouping). */
  branchId?: string;
  committeeId?: string;
}

export interface ObligationPeriod {
  from: number;
  to: number;
  label: string;
}

/** `label`: content (a meeting's title) or a stored reason (server/i18n/reasons.ts), rendered per language by the API. */
export interface Evidence {
  kind: string;
  id: string;
  label?: string;
  at?: number;
}

export interface Obligation {
  ruleId: string;
  ruleVersion: number;
  kind: string;
  subject: SubjectRef;
  /** zh-CN: the rule's title, with the detail in brackets. */
  title: string;
  /** The detail after the rule's title as a stored reason (server/i18n/reasons.ts), rendered per language by the API. */
  titleDetail?: string;
  status: ObligationStatus;
  /** Epoch ms; null when the obligation has no date. */
  dueAt: number | null;
  period?: ObligationPeriod;
  /** Nodes that satisfy (or partly satisfy) it: meetings, payments, milestones. */
  evidence: Evidence[];
  citation: Citation;
  /** Where the client goes to do it: a route key and its target. */
  action?: { kind: string; targetId?: string };
  /** Numbers behind the verdict (e.g. held 1, required 1), for explanations. */
  detail?: Record<string, number | string | boolean | null>;
}

/** The time span an evaluation looks at: obligations whose period overlaps [from, to). */
export interface EvaluationWindow {
  from: number;
  to: number;
}

/** What an evaluator gets besides the rule and subjects. */
export interface RuleContext {
  store: GraphStore;
  /** The instant the evaluation is "as of": statuses are relative to it. */
  asOf: number;
  window: EvaluationWindow;
  /**
   * Share one read between the rules of one evaluation (e.g. the meetings of the branches in scope,
   * read once for every meeting rule). `key` names the read; `load` runs once per key.
   */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>;
  /**
   * The facts of the scope's branches (members, groups, meetings and talks over the window's whole
   * years, milestones, dues, open transfer letters), one slice per branch: read in one batch for the
   * whole scope and kept between evaluations until a write changes them (facts.ts).
   */
  facts(): Promise<ScopeFacts>;
  /**
   * Say that what this evaluator returns may change when "as of" reaches instant `t` (> asOf) although
   * no fact changes: a scheduled meeting's time, a deadline passing. Day boundaries in China need no
   * telling (periods, rule versions and the default window all change there); see result-cache.ts.
   * `branchId`: the branch of the subject whose answer changes then (the evaluation keeps a part per
   * branch); absent: any branch's may.
   */
  until(t: number, branchId?: string): void;
}

/** The facts of an evaluation's scope, by branch. */
export interface ScopeFacts {
  /** The span [from, to) the dated facts (meetings, talks) cover. */
  from: number;
  to: number;
  /** The slice of a branch of the scope (an empty one for a branch outside it). */
  branch(branchId: string | undefined): BranchSlice;
}

/**
 * One kind of rule. `evaluate` receives one version of a rule with `effectiveFrom`/`effectiveTo`
 * narrowed to the span that version is in force; it reports only periods that start in that span.
 */
// biome-ignore lint/suspicious/noExplicitAny: evaluators of different parameter types share one registry
export interface Evaluator<P = any> {
  kind: string;
  /** Parse the rule's params; throw an Error naming the field (the loader adds the rule id). */
  validate(params: unknown): P;
  evaluate(ctx: RuleContext, rule: RuleDef<P>, subjects: SubjectRef[], asOf: number): Promise<Obligation[]>;
  /**
   * True when the evaluator reads nothing but `ctx.facts()` and reports through `ctx.until` every
   * instant other than a day boundary at which its answer may change: then an evaluation made of such
   * evaluators may be reused until then (result-cache.ts). Absent: never reused.
   */
  reportsChanges?: boolean;
}
