/**
 * The party-affairs rules in force on a date. Services ask here (never a constant in code), so a
 * rule's parameters, versions and effective dates live only in server/rules/catalogue/.
 */
import type { PipelineStep } from '../../graph';
import { DUES_ARREARS_RULES, DUES_BRACKET_RULES, DUES_FIXED_RULES, DUES_RULES, type DuesArrearsParams } from '../rules/catalogue/dues';
import { NOTICE_RULES, type NoticePeriodParams } from '../rules/catalogue/notices';
import { PIPELINE_RULES } from '../rules/catalogue/pipeline';
import { TRANSFER_RULES, type TransferReceiptParams } from '../rules/catalogue/transfers';
import type { DuesRules } from '../rules/evaluators/dues';
import type { PipelineRule } from '../rules/evaluators/pipeline-step';
import type { RuleDef } from '../rules/types';
import { dateOf } from './china-time';

export interface RuleSource {
  /** The version of rule `id` in force at `at` (overrides applied), or null when none is. The rules engine is one. */
  ruleInForce(id: string, at: number): Promise<RuleDef<unknown> | null> | RuleDef<unknown> | null;
}

/** Every party-affairs rule of the catalogue. */
export const AFFAIRS_RULES: RuleDef<unknown>[] = [...PIPELINE_RULES, ...DUES_RULES, ...TRANSFER_RULES, ...NOTICE_RULES] as RuleDef<unknown>[];

/** In force on the China-time date of `at`: effectiveFrom ≤ date < effectiveTo; the highest version wins. */
export function catalogueSource(rules: RuleDef<unknown>[] = AFFAIRS_RULES): RuleSource {
  return {
    ruleInForce(id, at) {
      const date = dateOf(at);
      const hits = rules.filter((r) => r.id === id && r.effectiveFrom <= date && (!r.effectiveTo || date < r.effectiveTo));
      return hits.sort((a, b) => b.version - a.version)[0] ?? null;
    },
  };
}

const must = async <T>(src: RuleSource, id: string, at: number): Promise<RuleDef<T>> => {
  const r = await src.ruleInForce(id, at);
  if (!r) throw new Error(`Rule ${id} is not in force on ${dateOf(at)}`);
  return r as RuleDef<T>;
};

export async function pipelineRulesAt(src: RuleSource, at: number): Promise<Map<PipelineStep, PipelineRule>> {
  const out = new Map<PipelineStep, PipelineRule>();
  for (const base of PIPELINE_RULES) {
    const r = (await src.ruleInForce(base.id, at)) as PipelineRule | null;
    if (r) out.set(r.params.step, r);
  }
  return out;
}

export async function duesRulesAt(src: RuleSource, at: number): Promise<DuesRules & { arrears: RuleDef<DuesArrearsParams>[] }> {
  const pick = async (rules: RuleDef<unknown>[]) => (await Promise.all(rules.map((r) => src.ruleInForce(r.id, at)))).filter((r) => r !== null);
  return {
    brackets: (await pick(DUES_BRACKET_RULES as RuleDef<unknown>[])) as DuesRules['brackets'],
    fixed: (await pick(DUES_FIXED_RULES as RuleDef<unknown>[])) as DuesRules['fixed'],
    arrears: (await pick(DUES_ARREARS_RULES as RuleDef<unknown>[])) as RuleDef<DuesArrearsParams>[],
  };
}

export const transferReceiptRule = (src: RuleSource, at: number) => must<TransferReceiptParams>(src, 'transfer.receipt.overdue', at);
export const noticePeriodRule = (src: RuleSource, at: number) => must<NoticePeriodParams>(src, 'notice.period.working-days', at);
