/**
 * The shape of the rules catalogue: every rule that creates a duty or a deadline is data with an id,
 * a version, what it applies to, its parameters, effective dates and its citation.
 */
export interface Citation {
  /** e.g. '中国共产党发展党员工作细则' */
  document: string;
  /** e.g. '第十三条': only where checked against the text. */
  article?: string;
  /** false: the article could not be checked, so the document alone is cited. */
  confirmed: boolean;
  note?: string;
}

export type SubjectKind = 'MEMBER' | 'GROUP' | 'BRANCH' | 'COMMITTEE' | 'UNIVERSITY';

export interface RuleDef<P = Record<string, unknown>> {
  /** Stable, dotted: 'pipeline.candidate.min-wait'. */
  id: string;
  /** Bumped by an override. */
  version: number;
  /** Evaluator key. */
  kind: string;
  appliesTo: SubjectKind;
  title: { zh: string; en: string };
  params: P;
  /** 'YYYY-MM-DD' (Asia/Shanghai). */
  effectiveFrom: string;
  effectiveTo?: string;
  citation: Citation;
}

export type ObligationStatus = 'DONE' | 'DUE' | 'OVERDUE' | 'UPCOMING';

export interface Obligation {
  ruleId: string;
  ruleVersion: number;
  kind: string;
  subject: { kind: SubjectKind; id: string; name?: string };
  title: string;
  status: ObligationStatus;
  dueAt: number | null;
  period?: { from: number; to: number; label: string };
  evidence: { kind: string; id: string; label?: string }[];
  citation: Citation;
  action?: { kind: string; targetId?: string };
}
