/**
 * Load and validate the catalogue. A bad catalogue fails at start with the rule id and the field:
 * `Rules catalogue: rule "life.theme-day.minimum": params.frequency must be one of MONTH, QUARTER, YEAR`.
 */
import type { ErrorReason } from '../i18n/error-messages';
import { parseDay } from './periods';
import { type Evaluator, type RuleDef, SUBJECT_KINDS } from './types';

export class CatalogueError extends Error {
  constructor(
    readonly ruleId: string,
    readonly field: string,
    detail: string,
    /** The evaluator's refusal as a code with parameters, where its check has one. */
    readonly reason?: ErrorReason,
  ) {
    super(`Rules catalogue: rule "${ruleId}": ${detail}`);
    this.name = 'CatalogueError';
  }
}

const ID_RE = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/;

/** A checked rule: params parsed by its evaluator, dates as instants. */
export interface LoadedRule {
  def: RuleDef;
  from: number;
  to: number;
}

/** Check one rule's shape and params; returns the rule with params as the evaluator parsed them. */
export function checkRule(raw: RuleDef, evaluators: ReadonlyMap<string, Evaluator>): LoadedRule {
  const id = typeof raw?.id === 'string' ? raw.id : '(no id)';
  const fail = (field: string, msg: string): never => {
    throw new CatalogueError(id, field, msg);
  };
  if (!ID_RE.test(id)) fail('id', 'id must be dotted lower-case words, e.g. "life.theme-day.minimum"');
  if (!Number.isInteger(raw.version) || raw.version < 1) fail('version', 'version must be a whole number ≥ 1');
  const evaluator = evaluators.get(raw.kind);
  if (!evaluator) fail('kind', `kind "${String(raw.kind)}" has no evaluator (server/rules/evaluators/index.ts)`);
  if (!(SUBJECT_KINDS as readonly string[]).includes(raw.appliesTo)) fail('appliesTo', `appliesTo must be one of ${SUBJECT_KINDS.join(', ')}`);
  if (!raw.title || typeof raw.title.zh !== 'string' || !raw.title.zh.trim()) fail('title.zh', 'title.zh must be a non-empty text');
  if (typeof raw.title.en !== 'string' || !raw.title.en.trim()) fail('title.en', 'title.en must be a non-empty text');
  const from = typeof raw.effectiveFrom === 'string' ? parseDay(raw.effectiveFrom) : null;
  if (from === null) fail('effectiveFrom', 'effectiveFrom must be a calendar day YYYY-MM-DD');
  let to = Number.POSITIVE_INFINITY;
  if (raw.effectiveTo !== undefined) {
    const t = typeof raw.effectiveTo === 'string' ? parseDay(raw.effectiveTo) : null;
    if (t === null) fail('effectiveTo', 'effectiveTo must be a calendar day YYYY-MM-DD');
    if (t! <= from!) fail('effectiveTo', 'effectiveTo must be after effectiveFrom');
    to = t!;
  }
  const c = raw.citation;
  if (!c || typeof c.document !== 'string' || !c.document.trim()) fail('citation.document', 'citation.document must name the document');
  if (typeof c.confirmed !== 'boolean') fail('citation.confirmed', 'citation.confirmed must be true or false');
  if (c.article !== undefined && !c.confirmed) fail('citation.article', 'citation.article may be given only when confirmed is true; cite the document alone otherwise');
  if (c.confirmed && !c.article) fail('citation.article', 'a confirmed citation must give the article');
  let params: unknown;
  try {
    params = evaluator!.validate(raw.params);
  } catch (e) {
    const field = (e as { field?: string }).field ?? 'params';
    throw new CatalogueError(id, field, (e as Error).message, (e as { reason?: ErrorReason }).reason);
  }
  return { def: { ...raw, params: params as Record<string, unknown> }, from: from!, to };
}

/** Validate a whole catalogue: every rule, and no two entries of one id in force on the same day. */
export function loadCatalogue(rules: readonly RuleDef[], evaluators: readonly Evaluator[]): Map<string, LoadedRule[]> {
  const byKind = new Map(evaluators.map((e) => [e.kind, e]));
  const out = new Map<string, LoadedRule[]>();
  for (const raw of rules) {
    const r = checkRule(raw, byKind);
    const list = out.get(r.def.id) ?? [];
    for (const other of list) {
      if (r.from < other.to && other.from < r.to) {
        throw new CatalogueError(r.def.id, 'effectiveFrom', 'two entries of this rule are in force on the same day');
      }
    }
    list.push(r);
    list.sort((a, b) => a.from - b.from);
    out.set(r.def.id, list);
  }
  return out;
}
