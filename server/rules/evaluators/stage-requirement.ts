/**
 * stage-requirement: what members of one admission stage must master (required areas and subtopics,
 * each with a target mastery and a reason). These rules set learning targets, not dated duties: they
 * create no obligations; the learner services read the version in force for gaps, targets and
 * portraits (server/learning/requirements.ts).
 */
import { TOP_AREAS, type Area } from '../../../graph';
import type { Evaluator } from '../types';
import { ParamError, requireObject } from './params';

export interface TopicRequirement {
  topicId: string;
  /** Mastery at or above which the topic no longer counts as a gap. */
  target: number;
  reason: string;
}

export interface AreaRequirement {
  area: Area;
  /** Target for the area as a whole (the mean over its subtopics). */
  target: number;
  reason: string;
}

export interface StageRequirementParams {
  areas: AreaRequirement[];
  topics: TopicRequirement[];
}

/** A subtopic id: its area, a dot, a lower-case slug ('constitution.member-duties'). */
const TOPIC_ID = /^([a-z]+)\.[a-z0-9][a-z0-9-]*$/;
const MAX_ITEMS = 100;
const MAX_REASON = 200;

function requireList(p: Record<string, unknown>, field: string): Record<string, unknown>[] {
  const v = p[field];
  if (!Array.isArray(v)) throw new ParamError(`params.${field}`, `params.${field} must be a list`);
  if (v.length > MAX_ITEMS) throw new ParamError(`params.${field}`, `params.${field} may hold at most ${MAX_ITEMS} entries`);
  return v.map((x, i) => {
    if (x === null || typeof x !== 'object' || Array.isArray(x)) throw new ParamError(`params.${field}[${i}]`, `params.${field}[${i}] must be an object`);
    return x as Record<string, unknown>;
  });
}

function targetAndReason(x: Record<string, unknown>, at: string): { target: number; reason: string } {
  const { target, reason } = x;
  if (typeof target !== 'number' || !Number.isFinite(target) || target <= 0 || target > 1) {
    throw new ParamError(`${at}.target`, `${at}.target must be a mastery above 0 and at most 1, e.g. 0.7`);
  }
  if (typeof reason !== 'string' || !reason.trim() || reason.length > MAX_REASON) {
    throw new ParamError(`${at}.reason`, `${at}.reason must be a text of 1–${MAX_REASON} characters saying why the stage needs it`);
  }
  return { target, reason: reason.trim() };
}

export const stageRequirementEvaluator: Evaluator<StageRequirementParams> = {
  kind: 'stage-requirement',
  validate(raw) {
    const p = requireObject(raw);
    const areas = requireList(p, 'areas').map((x, i) => {
      const at = `params.areas[${i}]`;
      if (!(TOP_AREAS as readonly unknown[]).includes(x.area)) throw new ParamError(`${at}.area`, `${at}.area must be one of ${TOP_AREAS.join(', ')}`);
      return { area: x.area as Area, ...targetAndReason(x, at) };
    });
    const topics = requireList(p, 'topics').map((x, i) => {
      const at = `params.topics[${i}]`;
      const m = typeof x.topicId === 'string' ? TOPIC_ID.exec(x.topicId) : null;
      if (!m || !(TOP_AREAS as readonly string[]).includes(m[1])) {
        throw new ParamError(`${at}.topicId`, `${at}.topicId must be a subtopic id such as "constitution.member-duties" (area one of ${TOP_AREAS.join(', ')})`);
      }
      return { topicId: x.topicId as string, ...targetAndReason(x, at) };
    });
    const seen = new Set<string>();
    for (const [i, t] of topics.entries()) {
      if (seen.has(t.topicId)) throw new ParamError(`params.topics[${i}].topicId`, `params.topics[${i}].topicId: "${t.topicId}" is listed twice`);
      seen.add(t.topicId);
    }
    if (new Set(areas.map((a) => a.area)).size !== areas.length) throw new ParamError('params.areas', 'params.areas: an area is listed twice');
    return { areas, topics };
  },
  reportsChanges: true,
  async evaluate() {
    return [];
  },
};
