/**
 * A branch's members × areas matrix and the suggested party-lecture topic; each cell also counts the
 * member's topics in the area that are not yet assessed (same rules as the member's own page, without
 * the study-plan prerequisites). `gapReportRows` gives the same rows without those counts (no history
 * read), for the maintained learning summaries.
 */
import type { Area, Mastery, Member } from '../../../graph';
import { assessGaps, countedEvidence } from '../gaps/compute-gaps';
import { buildBranchGapReport, type BranchGapReport } from '../gaps/branch-gaps';
import { branchMeetingTopics } from '../gaps/gap-service';
import { SNAPSHOT_HISTORY } from '../mastery/learner-snapshot';
import { rollUpMastery } from '../model/roll-up';
import { checkIntegrity } from '../integrity/evidence-integrity';
import type { LearnerCore } from './learner-core';
import { gapsForMembers } from './member-gaps';

export async function branchGapReport(core: LearnerCore, branchId: string, members: Member[], now: number): Promise<BranchGapReport> {
  const view = await core.view();
  const [{ gaps, rows, areaOf, prior }, histories, branchTopics, table] = await Promise.all([
    areaMasteryFor(core, members, now),
    core.store.getHistoriesForMembers(
      members.map((m) => m.id),
      { limit: SNAPSHOT_HISTORY },
    ),
    branchMeetingTopics(core.store, view, branchId, now),
    core.requirements(now),
  ]);
  const open = new Map<string, string[]>();
  let events = 0;
  let discounted = 0;
  for (const m of members) {
    const r = rows.get(m.id) ?? new Map();
    const rolled = areaOf.get(m.id)!;
    const h = histories.get(m.id) ?? { answers: [], studies: [], attendance: [] };
    const masteryOf = (id: string) => rolled.get(id) ?? prior;
    const integrity = checkIntegrity(view, h);
    const { evidence, studied } = countedEvidence(view, h, integrity);
    const a = assessGaps({
      member: m,
      view,
      now,
      requirement: table[m.stage],
      masteryOf,
      areaMasteryOf: masteryOf,
      evidence,
      studied,
      storedOf: (id) => r.get(id)?.p,
      branchTopics,
      planPrerequisites: new Map(),
    });
    events += h.answers.length + h.studies.length;
    for (const e of integrity.values()) discounted += e.discount;
    const claimed = new Set((gaps.get(m.id) ?? []).map((g) => g.topicId));
    open.set(
      m.id,
      a.notAssessed.map((n) => n.topicId).filter((id) => !claimed.has(id)),
    );
  }
  const report = buildBranchGapReport(
    branchId,
    view,
    members,
    gaps,
    (id, area: Area) => areaOf.get(id)?.get(area) ?? prior,
    (id) => open.get(id) ?? [],
    table,
  );
  return { ...report, integrity: { events, discountedShare: events ? Math.round((discounted / events) * 1000) / 1000 : 0 } };
}

export async function gapReportRows(core: LearnerCore, members: Member[], now: number): Promise<BranchGapReport['rows']> {
  const view = await core.view();
  const [{ gaps, areaOf, prior }, table] = await Promise.all([areaMasteryFor(core, members, now), core.requirements(now)]);
  return buildBranchGapReport('', view, members, gaps, (id, area: Area) => areaOf.get(id)?.get(area) ?? prior, undefined, table).rows;
}

/** Gaps (gapsForMembers) and every topic's mastery rolled up the hierarchy at `now`, per member. */
async function areaMasteryFor(core: LearnerCore, members: Member[], now: number) {
  const view = await core.view();
  const { gaps, rows } = await gapsForMembers(core, members, now);
  const prior = core.model.currentMastery(undefined, now);
  const areaOf = new Map<string, Map<string, number>>();
  for (const m of members) {
    const r = rows.get(m.id) ?? new Map<string, Mastery>();
    const leaf = new Map(view.leaves.map((t) => [t.id, core.model.currentMastery(r.get(t.id), now, t.id, m.stage)]));
    areaOf.set(m.id, rollUpMastery([...view.topics.values()], leaf, prior));
  }
  return { gaps, rows, areaOf, prior };
}
