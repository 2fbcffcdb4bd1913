/**
 * How many study sessions and answers each member has in the simulated year: the scale's targets
 * shared out in proportion to each member's hidden activity (inactive members get none), with
 * the demo learner's fixed counts taken off the top.
 */
import type { MemberRec } from './people';
import type { Rng } from './rng';
import type { Scale } from './scales';

export interface EventCounts {
  studies: Int32Array;
  answers: Int32Array;
}

export function drawEventCounts(members: MemberRec[], scale: Scale, rng: Rng): EventCounts {
  const n = members.length;
  const studies = new Int32Array(n);
  const answers = new Int32Array(n);
  // Some members mostly read, others mostly answer: a per-member tilt on the answer share.
  const answerWeight = members.map((m) => m.activity * rng.logNormal(0, 0.4));
  let sumStudy = 0,
    sumAnswer = 0,
    fixedStudies = 0,
    fixedAnswers = 0;
  members.forEach((m, i) => {
    if (m.demo) {
      fixedStudies += m.demo.studies;
      fixedAnswers += m.demo.answers;
      return;
    }
    sumStudy += m.activity;
    sumAnswer += answerWeight[i];
  });
  const studyTarget = Math.max(0, scale.studies - fixedStudies);
  const answerTarget = Math.max(0, scale.answers - fixedAnswers);
  members.forEach((m, i) => {
    if (m.demo) {
      studies[i] = m.demo.studies;
      answers[i] = m.demo.answers;
      return;
    }
    studies[i] = sumStudy ? rng.roundStochastic((studyTarget * m.activity) / sumStudy) : 0;
    answers[i] = sumAnswer ? rng.roundStochastic((answerTarget * answerWeight[i]) / sumAnswer) : 0;
  });
  return { studies, answers };
}
