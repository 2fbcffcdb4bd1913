/**
 * Integrity of evidence over real HTTP on a real Kuzu store: answers faster than their question can be
 * read and study time that cannot be true are discounted in mastery, and the member sees why on their
 * own portrait (each topic's evidence, and the list of discounted events). Their secretary sees neither
 * a discount nor a reason on the member; the branch's heatmap gives only the share of discounted evidence.
 * Discounted answers are no evidence for a gap either: a member whose only answers on a topic are
 * discounted has no gap there, and the topic is not yet assessed.
 */
import { describe, expect, it } from 'vitest';
import { courses } from '../../seeds/curriculum/index';
import { codes } from '../support/api-world';
import { questionsOn, useLearningWorld } from './learning-world';

const h = useLearningWorld();
const TOPIC = 'admission.activist';
const PROFILE = `query($id: ID!) { mastery(memberId: $id) {
  topics { topic { id } mastery evidence { kind eventId delta discount reasons { code share text } } }
  discounted { kind eventId discount reasons { code share text } } } }`;
type Reason = { code: string; share: number; text: string };
type Profile = {
  topics: { topic: { id: string }; mastery: number; evidence: { eventId: string; delta: number; discount: number | null; reasons: Reason[] }[] }[];
  discounted: { kind: string; eventId: string; discount: number; reasons: Reason[] }[];
};

async function profile(viewer: string, id: string): Promise<Profile> {
  const r = await h.as(viewer)(PROFILE, { id });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.mastery;
}
const topicOf = (p: Profile, id = TOPIC) => p.topics.find((t) => t.topic.id === id)!;

async function answerRight(memberId: string, n: number, seconds: number): Promise<string[]> {
  const ids: string[] = [];
  for (const q of questionsOn(TOPIC).slice(0, n)) {
    const id = `ans-${memberId}-${q.id}`;
    const r = await h.as(memberId)('mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { correct } }', {
      i: { id, memberId, questionId: q.id, choice: q.answer, seconds },
    });
    expect(r.body.data.recordAnswer.correct).toBe(true);
    ids.push(id);
  }
  return ids;
}

describe('integrity of evidence', () => {
  it('answers faster than the question can be read count for nothing, and the member is told why', async () => {
    const fast = await answerRight('m-i', 3, 1);
    await answerRight('m-j', 3, 40);
    const mine = await profile('m-i', 'm-i');
    const honest = await profile('m-j', 'm-j');
    const untouched = await profile('m-g', 'm-g');
    // Three right answers given in a second each move nothing; the same answers given in 40 seconds do.
    expect(topicOf(mine).mastery).toBeCloseTo(topicOf(untouched).mastery, 6);
    expect(topicOf(honest).mastery).toBeGreaterThan(topicOf(mine).mastery + 0.05);
    const ev = topicOf(mine).evidence;
    expect(ev.map((e) => e.eventId).sort()).toEqual([...fast].sort());
    for (const e of ev) {
      expect(e).toMatchObject({ discount: 1, delta: 0 });
      expect(e.reasons).toHaveLength(1);
      expect(e.reasons[0]).toMatchObject({ code: 'TOO_FAST', share: 1 });
      expect(e.reasons[0].text).toMatch(/^作答用时 1 秒，少于读完题目所需的约 [\d.]+ 秒，本次作答不计入掌握度$/);
    }
    expect(mine.discounted.map((d) => d.eventId).sort()).toEqual([...fast].sort());
    for (const e of topicOf(honest).evidence) expect(e).toMatchObject({ discount: 0, reasons: [] });
    expect(honest.discounted).toEqual([]);
  });

  it('a click that claims a whole course right after answering counts only the time that passed', async () => {
    const course = courses.find((c) => (c.topics[TOPIC] ?? 0) >= 0.5)!;
    await answerRight('m-h', 1, 40);
    const r = await h.as('m-h')('mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created } }', {
      i: { id: 'study-m-h-click', memberId: 'm-h', courseId: course.id, seconds: course.minutes * 60, progress: 1 },
    });
    expect(r.body.errors).toBeUndefined();
    const mine = await profile('m-h', 'm-h');
    const d = mine.discounted.find((x) => x.eventId === 'study-m-h-click')!;
    expect(d.kind).toBe('STUDY');
    expect(d.discount).toBeGreaterThan(0.95);
    expect(d.reasons[0].code).toBe('STUDY_LONGER_THAN_ELAPSED');
    expect(d.reasons[0].text).toMatch(new RegExp(`^本次学习记录了 ${course.minutes * 60} 秒，但距上一次答题只过去了 \\d+ 秒，超出部分（\\d+%）不计入$`));
    const studyEvidence = topicOf(mine).evidence.find((e) => e.eventId === 'study-m-h-click')!;
    expect(studyEvidence.discount).toBe(d.discount);
  });

  it('the secretary sees no discount and no reason on a member; the branch sees only the share', async () => {
    const seen = await profile('m-sec', 'm-i');
    for (const e of topicOf(seen).evidence) expect(e).toMatchObject({ discount: null, reasons: [] });
    expect(seen.discounted).toEqual([]);

    const r = await h.as('m-sec')('query { branchGaps(branchId: "b-1") { evidenceCount discountedShare rows { member { id } } } }');
    expect(r.body.errors).toBeUndefined();
    const own = await Promise.all(['m-i', 'm-j', 'm-h'].map((id) => profile(id, id)));
    const discounted = own.flatMap((p) => p.discounted).reduce((s, d) => s + d.discount, 0);
    // m-i: 3 answers, m-j: 3 answers, m-h: 1 answer and 1 study session; nobody else in b-1 has history here.
    expect(r.body.data.branchGaps.evidenceCount).toBe(8);
    expect(r.body.data.branchGaps.discountedShare).toBeCloseTo(discounted / 8, 3);
    expect(r.body.data.branchGaps.discountedShare).toBeGreaterThan(0.4);
  });

  it('discounted answers are no evidence: wrong answers given without reading make no gap and leave the topic not yet assessed', async () => {
    const OTHER = 'theory.two-establishes'; // not required of activists: only answers can make it a gap
    const answerWrong = async (memberId: string, topicId: string, seconds: number) => {
      for (const q of questionsOn(topicId).slice(0, 3)) {
        const r = await h.as(memberId)('mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { correct } }', {
          i: { memberId, questionId: q.id, choice: (q.answer + 1) % q.options.length, seconds },
        });
        expect(r.body.data.recordAnswer.correct).toBe(false);
      }
    };
    // m-e answers wrong at once (1 s each, too fast to read), m-f gives the same wrong answers after reading (40 s).
    for (const topic of [TOPIC, OTHER]) {
      await answerWrong('m-e', topic, 1);
      await answerWrong('m-f', topic, 40);
    }
    const Q = `query($id: ID!) { gaps(memberId: $id) { topic { id } reasonDetails { code } }
      mastery(memberId: $id) { topics { topic { id } assessed } notAssessed { topic { id } reasonDetails { code } } } }`;
    type Read = {
      gaps: { topic: { id: string }; reasonDetails: { code: string }[] }[];
      mastery: { topics: { topic: { id: string }; assessed: boolean }[]; notAssessed: { topic: { id: string }; reasonDetails: { code: string }[] }[] };
    };
    const read = async (id: string): Promise<Read> => {
      const r = await h.as(id)(Q, { id });
      expect(r.body.errors).toBeUndefined();
      return r.body.data;
    };
    const honest = await read('m-f');
    const fast = await read('m-e');
    const gapIds = (x: Read) => x.gaps.map((g) => g.topic.id);
    const assessed = (x: Read, id: string) => x.mastery.topics.find((t) => t.topic.id === id)!.assessed;
    // Read answers: both topics are gaps, named by the answers, and assessed.
    expect(gapIds(honest)).toEqual(expect.arrayContaining([TOPIC, OTHER]));
    expect(honest.gaps.find((g) => g.topic.id === OTHER)!.reasonDetails.map((r) => r.code)).toContain('GAP_ANSWERS_WEAK');
    expect([assessed(honest, TOPIC), assessed(honest, OTHER)]).toEqual([true, true]);
    // The same answers without reading: no gap on either topic, neither is assessed, and the required one
    // is listed as not yet assessed with nothing known about it.
    expect(gapIds(fast)).not.toContain(TOPIC);
    expect(gapIds(fast)).not.toContain(OTHER);
    expect([assessed(fast, TOPIC), assessed(fast, OTHER)]).toEqual([false, false]);
    const open = fast.mastery.notAssessed.find((n) => n.topic.id === TOPIC);
    expect(open?.reasonDetails.map((r) => r.code)).toContain('NOT_ASSESSED_NOTHING');
    expect(fast.mastery.notAssessed.map((n) => n.topic.id)).not.toContain(OTHER);

    // The secretary's heatmap agrees: no gap for m-e in either area, the required topic counted as not yet assessed.
    const r = await h.as('m-sec')('query { branchGaps(branchId: "b-1") { rows { member { id } cells { area gapCount notAssessedCount } } } }');
    expect(r.body.errors).toBeUndefined();
    const cells = (id: string) =>
      r.body.data.branchGaps.rows.find((x: { member: { id: string } }) => x.member.id === id).cells as { area: string; gapCount: number; notAssessedCount: number }[];
    const cell = (id: string, area: string) => cells(id).find((c) => c.area === area)!;
    expect(cell('m-e', 'admission').gapCount).toBe(0);
    expect(cell('m-e', 'theory').gapCount).toBe(0);
    expect(cell('m-e', 'admission').notAssessedCount).toBeGreaterThan(0);
    expect(cell('m-f', 'admission').gapCount).toBeGreaterThan(0);
    expect(cell('m-f', 'theory').gapCount).toBeGreaterThan(0);
  });

  it("the branch's share of discounted answers in a period, by reason, in the request's language; nobody named", async () => {
    const Q = `query($id: ID!, $from: DateTime!, $to: DateTime!) { branch(id: $id) {
      answerIntegrity(from: $from, to: $to) { from to answers discountedAnswers discountedShare reasons { code answers label } } } }`;
    const now = Date.now();
    const period = { id: 'b-1', from: new Date(now - 86_400_000).toISOString(), to: new Date(now + 3_600_000).toISOString() };
    const r = await h.as('m-sec')(Q, period);
    expect(r.body.errors).toBeUndefined();
    const fig = r.body.data.branch.answerIntegrity;
    // The answers this file recorded in b-1: m-i 3 (1 s each), m-j 3, m-h 1, m-e 6 (1 s each), m-f 6.
    // Only the ones given in 1 s were too fast to read; every one of the members' own discounted answers is counted.
    const own = await Promise.all(['m-i', 'm-j', 'm-h', 'm-e', 'm-f'].map((id) => profile(id, id)));
    const discountedOwn = own.flatMap((p) => p.discounted).filter((d) => d.kind === 'ANSWER');
    expect(discountedOwn).toHaveLength(9);
    expect(fig).toMatchObject({ from: period.from, to: period.to, answers: 19, discountedAnswers: 9, discountedShare: 0.474 });
    expect(fig.reasons).toEqual([{ code: 'TOO_FAST', answers: 9, label: '作答快于读题所需时间' }]);
    expect(JSON.stringify(fig)).not.toMatch(/m-[a-z]|新同志/);
    const en = await h.server.gql(Q, period, await h.server.tokenFor('m-sec'), { 'accept-language': 'en' });
    expect(en.body.data.branch.answerIntegrity.reasons).toEqual([{ code: 'TOO_FAST', answers: 9, label: 'answered faster than the question can be read' }]);
    // A period before any answer: nothing counted.
    const before = await h.as('m-sec')(Q, { id: 'b-1', from: '2020-01-01T00:00:00Z', to: '2020-04-01T00:00:00Z' });
    expect(before.body.data.branch.answerIntegrity).toMatchObject({ answers: 0, discountedAnswers: 0, discountedShare: 0, reasons: [] });
    // The read is noted in the audit log as a read of the branch's learning data.
    await expect
      .poll(async () => (await h.store.listAccess({ viewerId: 'm-sec', targetId: 'b-1', limit: 50 })).filter((a) => a.action === 'READ_LEARNING').length)
      .toBeGreaterThan(0);
  });

  it('refuses a period that ends before it starts or is longer than two years (BAD_USER_INPUT naming to), and anyone outside the branch (FORBIDDEN)', async () => {
    const Q = 'query($id: ID!, $from: DateTime!, $to: DateTime!) { branch(id: $id) { answerIntegrity(from: $from, to: $to) { answers } } }';
    const backwards = await h.as('m-sec')(Q, { id: 'b-1', from: '2026-04-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(codes(backwards)).toEqual(['BAD_USER_INPUT']);
    expect(backwards.body.errors[0].extensions.field).toBe('to');
    const long = await h.as('m-sec')(Q, { id: 'b-1', from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(codes(long)).toEqual(['BAD_USER_INPUT']);
    expect(long.body.errors[0].message).toMatch(/at most two years/);
    const period = { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
    // A member cannot read the branch's learning figures, nor a secretary another branch's.
    expect(codes(await h.as('m-a')(Q, { id: 'b-1', ...period }))).toEqual(['FORBIDDEN']);
    expect(codes(await h.as('m-sec')(Q, { id: 'b-2', ...period }))).toEqual(['FORBIDDEN']);
  });
});
