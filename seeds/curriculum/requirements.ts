/**
 * What each admission stage must master, for the seed generator, the curriculum checks and the
 * research evaluations: the defaults of the rules catalogue's stage requirements
 * (server/rules/catalogue/learning.ts), where the product keeps them as data a university
 * administrator can override. The topic lists mirror the `requiredFor` marks in topics.ts (checked by
 * curriculum.test.ts).
 */
import { MEMBER_STAGES, type MemberStage } from '../../graph';
import { requirementOf, type AreaRequirement, type StageRequirement, type TopicRequirement } from '../../server/learning/requirements';

export type { AreaRequirement, StageRequirement, TopicRequirement };

export const stageRequirements: Readonly<Record<MemberStage, StageRequirement>> = Object.fromEntries(MEMBER_STAGES.map((s) => [s, requirementOf(s)])) as Record<
  MemberStage,
  StageRequirement
>;

/** The subtopics a stage must master, with targets and reasons. */
export function requiredTopicsFor(stage: MemberStage): TopicRequirement[] {
  return stageRequirements[stage].topics;
}

/** The areas a stage must master as a whole, with targets and reasons. */
export function requiredAreasFor(stage: MemberStage): AreaRequirement[] {
  return stageRequirements[stage].areas;
}
