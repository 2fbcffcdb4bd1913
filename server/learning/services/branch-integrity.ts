/**
 * How many of a branch's answers in a period the integrity checks discounted, and for which reasons: a
 * figure for the branch only (no member is named). Each member's answers are checked within their own
 * history, read from a day before the period so a same-option streak that started just before it is
 * still recognised; only answers inside [from, to) are counted.
 */
import type { Member } from '../../../graph';
import { checkIntegrity, EVIDENCE_DISCOUNT_LIMIT, type IntegrityCode, INTEGRITY_CODES } from '../integrity/evidence-integrity';
import { REPLAY_LIMIT } from '../mastery/mastery-service';
import { DAY, type LearnerCore } from './learner-core';

/** Members whose histories are read in one store call. */
const PAGE = 200;

export interface BranchAnswerIntegrity {
  from: number;
  to: number;
  /** Answers of the members in [from, to). */
  answers: number;
  /** Of those, answers not counted towards mastery (model discount at least EVIDENCE_DISCOUNT_LIMIT). */
  discountedAnswers: number;
  /** discountedAnswers / answers, three decimals; 0 without answers. */
  discountedShare: number;
  /** Per reason, how many of the period's answers it was found on (an answer may have several); most common first. */
  reasons: { code: IntegrityCode; answers: number }[];
}

export async function branchAnswerIntegrity(core: LearnerCore, members: Member[], from: number, to: number): Promise<BranchAnswerIntegrity> {
  const view = await core.view();
  let answers = 0;
  let discountedAnswers = 0;
  const byCode = new Map<IntegrityCode, number>();
  for (let i = 0; i < members.length; i += PAGE) {
    const ids = members.slice(i, i + PAGE).map((m) => m.id);
    const histories = await core.store.getHistoriesForMembers(ids, { limit: REPLAY_LIMIT, since: from - DAY });
    for (const h of histories.values()) {
      const inPeriod = h.answers.filter((a) => a.at >= from && a.at < to);
      if (!inPeriod.length) continue;
      // Study findings do not concern answers: only the answers are checked.
      const report = checkIntegrity(view, { answers: h.answers, studies: [] });
      answers += inPeriod.length;
      for (const a of inPeriod) {
        const found = report.get(a.id);
        if (!found) continue;
        if (found.modelDiscount >= EVIDENCE_DISCOUNT_LIMIT) discountedAnswers += 1;
        for (const code of new Set(found.findings.map((f) => f.code))) byCode.set(code, (byCode.get(code) ?? 0) + 1);
      }
    }
  }
  return {
    from,
    to,
    answers,
    discountedAnswers,
    discountedShare: answers ? Math.round((discountedAnswers / answers) * 1000) / 1000 : 0,
    reasons: [...byCode].map(([code, n]) => ({ code, answers: n })).sort((a, b) => b.answers - a.answers || INTEGRITY_CODES.indexOf(a.code) - INTEGRITY_CODES.indexOf(b.code)),
  };
}
