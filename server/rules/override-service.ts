/**
 * Overrides of the rules catalogue: a university administrator changes a rule's parameters (say, a
 * stricter meeting minimum) from a calendar day on, without touching code. Each override is the
 * rule's next version, stored in the graph once, with who made it, when and why, and noted in the
 * access log. Overrides start today or later, so evaluations of past dates keep the rules they had.
 */
import type { Session } from '../auth/session';
import { isStoreError } from '../../graph';
import { badInput } from '../errors';
import { refusalError } from '../i18n/error-messages';
import { refuse, requireText } from '../validate';
import type { RuleOverride } from './engine';
import { CatalogueError } from './loader';
import { formatDay, parseDay } from './periods';
import type { RuleDef } from './types';

export interface OverrideRuleInput {
  ruleId: string;
  /** JSON object text: the complete parameters, or only those that change (merged over the rule in force). */
  params: string;
  effectiveFrom: string;
  reason: string;
}

const versionTaken = (ruleId: string, version: number) => refusalError('CONFLICT', { code: 'OVERRIDE_VERSION_TAKEN', params: { id: ruleId, version } });

/** NOT_FOUND for a rule id, with the details notFound gives (kind, id). */
export const ruleNotFound = (id: string) => refusalError('NOT_FOUND', { code: 'RULE_NOT_FOUND', params: { id } }, { kind: 'Rule', id });

export function assertCanOverrideRules(s: Session): void {
  if (s.viewer.role !== 'UNIVERSITY_ADMIN') throw refusalError('FORBIDDEN', { code: 'OVERRIDE_FORBIDDEN', params: {} });
}

export async function overrideRule(s: Session, input: OverrideRuleInput): Promise<RuleDef> {
  assertCanOverrideRules(s);
  const set = await s.rules.ruleSet(s.now());
  const base = set.baseRule(input.ruleId);
  if (!base) throw ruleNotFound(input.ruleId);
  const reason = requireText('reason', input.reason, 500);
  const from = parseDay(input.effectiveFrom ?? '');
  if (from === null) throw refuse('OVERRIDE_DAY_FORMAT', 'effectiveFrom');
  const today = formatDay(s.now());
  if (input.effectiveFrom < today) throw refuse('OVERRIDE_DAY_PAST', 'effectiveFrom', { today });
  let changes: unknown;
  try {
    changes = JSON.parse(input.params);
  } catch {
    throw refuse('OVERRIDE_PARAMS_JSON', 'params');
  }
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) throw refuse('OVERRIDE_PARAMS_JSON', 'params');
  const current = set.ruleInForce(input.ruleId, from) ?? base;
  const version = set.nextVersion(input.ruleId);
  const o: RuleOverride = {
    id: `${input.ruleId}@${version}`,
    ruleId: input.ruleId,
    version,
    params: { ...current.params, ...(changes as Record<string, unknown>) },
    effectiveFrom: input.effectiveFrom,
    reason,
    createdBy: s.viewer.memberId,
    createdAt: s.now(),
  };
  let def: RuleDef;
  try {
    def = s.rules.checkOverride(o);
  } catch (e) {
    if (e instanceof CatalogueError) {
      // The evaluators' own checks carry a reason; the catalogue's shape checks are in English only.
      throw e.reason ? refusalError('BAD_USER_INPUT', e.reason, { field: e.field }) : badInput(e.field, e.message.replace(/^Rules catalogue: /, ''));
    }
    throw e;
  }
  o.params = def.params as Record<string, unknown>;
  try {
    const { created } = await s.store.createRuleOverride({ ...o, params: JSON.stringify(o.params) });
    if (!created) throw versionTaken(input.ruleId, version);
  } catch (e) {
    if (isStoreError(e) && e.code === 'CONFLICT') {
      s.rules.invalidate();
      throw versionTaken(input.ruleId, version);
    }
    throw e;
  }
  s.rules.invalidate();
  s.audit.note('OVERRIDE_RULE', 'Rule', o.id);
  return (await s.rules.ruleSet(s.now())).history(input.ruleId).find((r) => r.version === version) ?? def;
}

/** Every version of a rule with who changed it, when and why (catalogue entries have no author). */
export async function ruleHistory(s: Session, ruleId: string): Promise<{ rule: RuleDef; override: RuleOverride | null }[]> {
  const set = await s.rules.ruleSet(s.now());
  if (!set.baseRule(ruleId)) throw ruleNotFound(ruleId);
  const overrides = new Map(set.overridesOf(ruleId).map((o) => [o.version, o]));
  return set.history(ruleId).map((rule) => ({ rule, override: overrides.get(rule.version) ?? null }));
}
