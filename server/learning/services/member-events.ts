/**
 * "Apply this event to the member's learner state": refold the member's stored history through the
 * model, store a row per subtopic, then recompute their gaps (only this member). Idempotent: the
 * result depends only on the stored history, so repeating it for the same event changes nothing.
 */
import type { Member } from '../../../graph';
import { makeSnapshot } from '../mastery/learner-snapshot';
import { REPLAY_LIMIT } from '../mastery/mastery-service';
import type { LearnerCore } from './learner-core';

export async function applyMemberEvent(core: LearnerCore, memberId: string, now: number): Promise<void> {
  const view = await core.view();
  const [[member], history, table] = await Promise.all([
    core.store.getMembersByIds([memberId]),
    core.store.getMemberHistory(memberId, { limit: REPLAY_LIMIT }),
    core.requirements(now),
  ]);
  if (!member) return;
  const rows = await core.mastery.rebuild(member, view, history);
  const gaps = await core.gaps.refresh(makeSnapshot(core.mastery, member as Member, view, rows, history, now, table[member.stage]));
  core.branches.applyMember(
    member.branchId,
    member.id,
    gaps.map((g) => g.topicId),
    history.studies,
  );
}
