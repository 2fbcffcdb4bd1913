/**
 * Stage requirements as the learner services read them: which subtopics and areas each admission
 * stage must master, with targets and reasons. One module so that the gap rules, the learner model's
 * features and the simulator read the same table.
 */
import { MEMBER_STAGES, type MemberStage } from '../../graph';
import { stageRequirements, type StageRequirement } from '../../seeds/curriculum/requirements';

export type { StageRequirement };

export function requirementOf(stage: MemberStage): StageRequirement {
  return stageRequirements[stage];
}

/** Stage → the subtopic ids it requires. */
export function requiredTopicIds(): Record<MemberStage, string[]> {
  return Object.fromEntries(MEMBER_STAGES.map((s) => [s, stageRequirements[s].topics.map((t) => t.topicId)])) as Record<MemberStage, string[]>;
}
