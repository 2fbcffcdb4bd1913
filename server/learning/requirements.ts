/**
 * Stage requirements as the learner services read them: which subtopics and areas each admission
 * stage must master, with targets and reasons. They are rules of the catalogue
 * (server/rules/catalogue/learning.ts, kind `stage-requirement`), so a university administrator can
 * change them from a day on through a rule override (versioned and audited).
 *
 * - `RequirementsSource.at(now)` gives the table in force at `now`, overrides applied; the learner
 *   services read it for gaps, targets and portraits.
 * - `requirementOf` / `requiredTopicIds` give the catalogue's defaults. The learner model's "required
 *   for the stage" feature, `kt fit`, the simulation and the evaluations use these: the model's fitted
 *   weights belong to the features it was fitted with.
 */
import { MEMBER_STAGES, type MemberStage } from '../../graph';
import { LEARNING_RULES, stageRequirementRuleId } from '../rules/catalogue/learning';
import type { AreaRequirement, StageRequirementParams, TopicRequirement } from '../rules/evaluators/stage-requirement';
import type { RuleDef } from '../rules/types';

export type { AreaRequirement, TopicRequirement };

/** How gap reasons name each stage. */
export const STAGE_LABELS: Readonly<Record<MemberStage, string>> = {
  APPLICANT: '入党申请人',
  ACTIVIST: '入党积极分子',
  CANDIDATE: '发展对象',
  PROBATIONARY: '预备党员',
  FULL: '正式党员',
};

export interface StageRequirement extends StageRequirementParams {
  stage: MemberStage;
  /** The stage's name in gap reasons, e.g. 入党积极分子. */
  label: string;
  /** The rule version in force (1: the catalogue's default). */
  version: number;
  /** The instant this version started to apply to reads: the later of its first day and when it was written. */
  since: number;
}

export type RequirementTable = Readonly<Record<MemberStage, StageRequirement>>;

/** Reads the rule versions in force (the rules engine's RuleSet satisfies it). */
export interface RuleLookup {
  ruleInForce(id: string, at: number): RuleDef | null;
  overridesOf(id: string): { version: number; createdAt: number }[];
}

export interface RequirementsSource {
  /** The requirements in force at `now`. */
  at(now: number): Promise<RequirementTable>;
}

const DEFAULTS: RequirementTable = Object.fromEntries(
  MEMBER_STAGES.map((stage) => {
    const rule = LEARNING_RULES.find((r) => r.id === stageRequirementRuleId(stage));
    if (!rule) throw new Error(`Rules catalogue: no rule "${stageRequirementRuleId(stage)}" for stage ${stage}`);
    return [stage, { stage, label: STAGE_LABELS[stage], ...rule.params, version: rule.version, since: 0 }];
  }),
) as unknown as RequirementTable;

/** The catalogue's default requirements of a stage. */
export function requirementOf(stage: MemberStage): StageRequirement {
  return DEFAULTS[stage];
}

/** Stage → the subtopic ids it requires by default. */
export function requiredTopicIds(): Record<MemberStage, string[]> {
  return Object.fromEntries(MEMBER_STAGES.map((s) => [s, DEFAULTS[s].topics.map((t) => t.topicId)])) as Record<MemberStage, string[]>;
}

/** The catalogue's defaults, always (CLI, simulation, tests without a rules engine). */
export const DEFAULT_REQUIREMENTS: RequirementsSource = { at: async () => DEFAULTS };

const DAY_START = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

/** The table in force at `now` from a rule set; a stage whose rule is not in force keeps its default. */
export function requirementsFrom(set: RuleLookup, now: number): RequirementTable {
  return Object.fromEntries(
    MEMBER_STAGES.map((stage) => {
      const id = stageRequirementRuleId(stage);
      const rule = set.ruleInForce(id, now);
      if (!rule) return [stage, DEFAULTS[stage]];
      const written = set.overridesOf(id).find((o) => o.version === rule.version)?.createdAt ?? 0;
      const params = rule.params as StageRequirementParams;
      return [
        stage,
        { stage, label: STAGE_LABELS[stage], areas: params.areas, topics: params.topics, version: rule.version, since: Math.max(DAY_START(rule.effectiveFrom), written) },
      ];
    }),
  ) as unknown as RequirementTable;
}

/** The requirements in force through a rules engine (overrides applied, cached as the engine caches its rule set). */
export function requirementsFromRules(rules: { ruleSet(now?: number): Promise<RuleLookup> }): RequirementsSource {
  return { at: async (now) => requirementsFrom(await rules.ruleSet(now), now) };
}
