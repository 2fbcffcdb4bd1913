/**
 * A member's mastery portrait: per-subtopic and per-area mastery now, each with the stage's target and
 * the reason for it, the events that moved each subtopic's estimate, and the required topics not yet
 * assessed. Answers and study sessions the integrity checks discount carry their reasons, for the member
 * themself only: anyone else reading the profile (their secretary) sees no discount and no reason.
 */
import type { Member } from '../../../graph';
import type { GapAssessment, NotAssessed } from '../gaps/compute-gaps';
import type { MasteryEvidence } from '../mastery-model';
import type { LearnerSnapshot } from '../mastery/learner-snapshot';
import { checkIntegrity, countsAsEvidence, type EventIntegrity, modelDiscountOf } from '../integrity/evidence-integrity';
import type { LearnerCore } from './learner-core';
import { requirementNote } from '../../i18n/requirement-notes';

/** Discounted events listed on the member's own portrait, newest first. */
const DISCOUNTED_LISTED = 50;

export interface AreaMasteryFigure {
  area: string;
  mastery: number;
  target: number | null;
  /** The requirement's note: a catalogue note key (rendered in the reader's language) or an administrator's own text. */
  requirement: { note?: string; noteText?: string } | null;
}
export interface TopicMasteryFigure {
  topicId: string;
  mastery: number;
  target: number | null;
  updatedAt: number | null;
  /** Answered or studied (events the integrity checks discount do not count), and not in the not-yet-assessed list. */
  assessed: boolean;
  /** The events that moved the estimate, newest first. */
  evidence: MasteryEvidence[];
}

export interface MasteryProfile extends LearnerSnapshot {
  assessment: GapAssessment;
  /** Subtopic → the events that moved its estimate, newest first. */
  evidence: Map<string, MasteryEvidence[]>;
  areas: AreaMasteryFigure[];
  topics: TopicMasteryFigure[];
  notAssessed: NotAssessed[];
  /** The member's discounted answers and study sessions, newest first (empty for other viewers). */
  discounted: EventIntegrity[];
}

/** `self`: the viewer is the member (integrity discounts and their reasons are shown to them only). */
export async function masteryProfile(core: LearnerCore, member: Member, now: number, self = false): Promise<MasteryProfile> {
  const snap = await core.snapshot(member, now);
  const assessment = await core.gaps.assess(snap);
  const integrity = checkIntegrity(snap.view, snap.history);
  const evidence = core.model.explain(member, snap.view, snap.history, undefined, modelDiscountOf(integrity));
  for (const list of evidence.values()) {
    for (const e of list) {
      const found = integrity.get(e.eventId);
      e.discount = self ? (found?.discount ?? 0) : null;
      e.findings = self ? (found?.findings ?? []) : [];
    }
  }
  const discounted = self ? [...integrity.values()].sort((a, b) => b.at - a.at).slice(0, DISCOUNTED_LISTED) : [];
  const requirement = snap.requirement;
  const areaReq = new Map<string, { target: number; reason: string }>(requirement.areas.map((a) => [a.area, a]));
  const topicReq = new Map(requirement.topics.map((t) => [t.topicId, t.target]));
  const open = new Set(assessment.notAssessed.map((n) => n.topicId));
  const counts = countsAsEvidence(integrity);
  const areas = [...snap.view.leavesByArea.keys()].sort().map((area) => ({
    area,
    mastery: snap.masteryOf(area),
    target: areaReq.get(area)?.target ?? null,
    requirement: areaReq.has(area) ? requirementNote(requirement.stage, area, areaReq.get(area)!.reason) : null,
  }));
  const topics = snap.view.leaves.map((t) => {
    const ev = evidence.get(t.id) ?? [];
    return {
      topicId: t.id,
      mastery: snap.masteryOf(t.id),
      target: topicReq.get(t.id) ?? null,
      updatedAt: snap.rows.get(t.id)?.updatedAt ?? null,
      assessed: ev.some((e) => counts(e.eventId)) && !open.has(t.id),
      evidence: ev,
    };
  });
  return { ...snap, assessment, evidence, areas, topics, notAssessed: assessment.notAssessed, discounted };
}
