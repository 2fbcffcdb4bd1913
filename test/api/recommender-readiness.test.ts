/**
 * The recommender's prerequisite readiness over real HTTP on a real Kuzu store: it reads the same mastery
 * the member's portrait shows (current, forgetting applied) and the shared thresholds of progress.ts. After
 * wrong answers on a required topic and on its prerequisite, every mastery a recommendation quotes equals
 * the portrait's, a prerequisite's course is recommended because the prerequisite is below PREREQ_READY,
 * no recommended course builds on a prerequisite below PREREQ_FAR, and the study plan puts the
 * prerequisite's course before the course that builds on it.
 */
import { describe, expect, it } from 'vitest';
import { topics } from '../../seeds/curriculum/index';
import { PREREQ_FAR, PREREQ_READY } from '../../server/learning/progress';
import { questionsOn, useLearningWorld } from './learning-world';

const h = useLearningWorld();
const TOPIC = 'history.new-democratic-revolution'; // required of activists
const PREREQ = 'history.founding'; // its prerequisite
const prerequisitesOf = new Map(topics.map((t) => [t.id, t.prerequisiteIds]));

type Rec = {
  kind: string;
  course: { id: string; topics: { topic: { id: string }; weight: number }[] };
  explanationDetails: { code: string; params: { name: string; value: string }[] }[];
};

async function answerWrong(memberId: string, topicId: string, n: number) {
  for (const q of questionsOn(topicId).slice(0, n)) {
    const r = await h.as(memberId)('mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { correct } }', {
      i: { memberId, questionId: q.id, choice: (q.answer + 1) % q.options.length, seconds: 40 },
    });
    expect(r.body.data.recordAnswer.correct).toBe(false);
  }
}

describe('recommender readiness', () => {
  it("uses the portrait's mastery and the shared thresholds for prerequisites, in recommendations and in the plan", async () => {
    expect(prerequisitesOf.get(TOPIC)).toContain(PREREQ);
    await answerWrong('m-g', TOPIC, 3);
    await answerWrong('m-g', PREREQ, 3);
    const r = await h.as('m-g')(
      `query { recommendations(memberId: "m-g", first: 10) { kind course { id topics { topic { id } weight } } explanationDetails { code params { name value } } }
        mastery(memberId: "m-g") { topics { topic { id } mastery } } }`,
    );
    expect(r.body.errors).toBeUndefined();
    const recs: Rec[] = r.body.data.recommendations;
    const mastery = new Map<string, number>(r.body.data.mastery.topics.map((t: { topic: { id: string }; mastery: number }) => [t.topic.id, t.mastery]));
    expect(mastery.get(PREREQ)).toBeLessThan(PREREQ_READY);

    // Every mastery a recommendation quotes is the portrait's (reasons keep three decimals).
    const quoted: { code: string; topic: string; mastery: number }[] = [];
    for (const rec of recs)
      for (const d of rec.explanationDetails) {
        const p = new Map(d.params.map((x) => [x.name, x.value]));
        if (p.has('mastery') && p.has('topic')) quoted.push({ code: d.code, topic: p.get('topic')!, mastery: Number(p.get('mastery')) });
      }
    expect(quoted.length).toBeGreaterThan(0);
    for (const q of quoted) expect(q.mastery, `${q.code} ${q.topic}`).toBeCloseTo(mastery.get(q.topic)!, 3);

    // The prerequisite is below the ready threshold, so its course is recommended as a prerequisite.
    const viaPrereq = quoted.filter((q) => q.code.startsWith('REC_PREREQUISITE_OF'));
    expect(viaPrereq.map((q) => q.topic)).toContain(PREREQ);
    for (const q of viaPrereq) expect(q.mastery).toBeLessThan(PREREQ_READY);

    // No recommended course builds on a prerequisite far from mastered (portrait mastery below PREREQ_FAR).
    for (const rec of recs) {
      const covered = new Set(rec.course.topics.map((t) => t.topic.id));
      for (const t of rec.course.topics.filter((x) => x.weight >= 0.3))
        for (const p of prerequisitesOf.get(t.topic.id) ?? []) if (!covered.has(p)) expect(mastery.get(p), `${rec.course.id} needs ${p}`).toBeGreaterThanOrEqual(PREREQ_FAR);
    }

    // The plan: a course on the prerequisite (not ready) comes before every course that builds on it.
    const plan = await h.as('m-g')(
      'mutation { generateStudyPlan(memberId: "m-g", minutesPerWeek: 240, weeks: 4) { items { kind week order course { topics { topic { id } weight } } } } }',
    );
    expect(plan.body.errors).toBeUndefined();
    const items: { kind: string; week: number; order: number; course: { topics: { topic: { id: string }; weight: number }[] } }[] = plan.body.data.generateStudyPlan.items;
    const teaches = (i: (typeof items)[number], id: string) => i.course.topics.some((t) => t.topic.id === id && t.weight >= 0.3);
    const learn = items.filter((i) => i.kind === 'LEARN');
    const first = learn.filter((i) => teaches(i, PREREQ));
    const later = learn.filter((i) => teaches(i, TOPIC) && !teaches(i, PREREQ));
    expect(first.length).toBeGreaterThan(0);
    for (const a of first) for (const b of later) expect(a.order).toBeLessThan(b.order);
  });
});
