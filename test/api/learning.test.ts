/**
 * Gaps, mastery and recommendations over HTTP on a real Kuzu store with the hand-written curriculum:
 * they move the right way as a member answers correctly or wrongly, nothing is recommended ahead of
 * its prerequisites, completed courses are skipped, and reads are scoped and audited.
 */
import { describe, expect, it } from 'vitest';
import { codes } from '../support/api-world';
import { questionsOn, useLearningWorld } from './learning-world';

const h = useLearningWorld();
const TOPIC = 'admission.activist';

const GAPS = 'query($id: ID!) { gaps(memberId: $id) { topic { id } severity mastery reasons } }';
const RECS = `query($id: ID!, $n: Int) { recommendations(memberId: $id, first: $n) {
  course { id topics { weight topic { id prerequisites { id } } } } score kind explanation topics { id }
  path { nodes { key kind id label } edges { from to kind } } } }`;
const MASTERY = 'query($id: ID!) { mastery(memberId: $id) { modelId topics { topic { id } mastery target } areas { area mastery target requirement } } }';
const PROFILE = `query($id: ID!) { mastery(memberId: $id) { notAssessed { topic { id } target reasons }
  topics { topic { id } assessed evidence { kind eventId at correct delta discount } } } }`;

async function answer(memberId: string, topicId: string, correct: boolean, n: number) {
  const as = h.as(memberId);
  for (const q of questionsOn(topicId).slice(0, n)) {
    const choice = correct ? q.answer : (q.answer + 1) % q.options.length;
    const r = await as('mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { correct } }', { i: { memberId, questionId: q.id, choice, seconds: 30 } });
    expect(r.body.data.recordAnswer.correct).toBe(correct);
  }
}

const gapOn = (gaps: { topic: { id: string } }[], id: string) => gaps.find((g) => g.topic.id === id) as { severity: number; mastery: number; reasons: string[] } | undefined;

describe('gaps and recommendations follow the answers', () => {
  it("a fresh activist has no gaps yet: the stage's required topics are not yet assessed, with reasons naming the requirement", async () => {
    const r = await h.as('m-e')(GAPS, { id: 'm-e' });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.gaps).toEqual([]);
    const p = (await h.as('m-e')(PROFILE, { id: 'm-e' })).body.data.mastery;
    const open = p.notAssessed.find((n: { topic: { id: string } }) => n.topic.id === TOPIC);
    expect(open.target).toBe(0.7);
    expect(open.reasons[0]).toMatch(/^入党积极分子须掌握「入党积极分子的确定和培养教育」（要求 70%，当前 \d+%）/);
    expect(open.reasons).toContain('还没有相关学习或答题记录');
    expect(p.topics.find((t: { topic: { id: string } }) => t.topic.id === TOPIC)).toMatchObject({ assessed: false, evidence: [] });
  });

  it('right answers settle the topic; wrong answers make it a gap, more urgent with each, and say so', async () => {
    await answer('m-e', TOPIC, true, 5);
    const mine = (await h.as('m-e')(PROFILE, { id: 'm-e' })).body.data.mastery;
    const t = mine.topics.find((x: { topic: { id: string } }) => x.topic.id === TOPIC);
    // Each topic's figure lists the answers that moved it, newest first, each one up.
    expect(t.evidence).toHaveLength(5);
    for (const e of t.evidence) expect(e).toMatchObject({ kind: 'ANSWER', correct: true, discount: 0 });
    expect(t.evidence.every((e: { delta: number }) => e.delta > 0)).toBe(true);
    expect(Date.parse(t.evidence[0].at)).toBeGreaterThanOrEqual(Date.parse(t.evidence[4].at));
    expect(gapOn((await h.as('m-e')(GAPS, { id: 'm-e' })).body.data.gaps, TOPIC)).toBeUndefined();

    const severities: number[] = [];
    for (const [k, q] of questionsOn(TOPIC).slice(0, 5).entries()) {
      const r = await h.as('m-f')('mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { correct } }', {
        i: { memberId: 'm-f', questionId: q.id, choice: (q.answer + 1) % q.options.length, seconds: 30 },
      });
      expect(r.body.data.recordAnswer.correct).toBe(false);
      const g = gapOn((await h.as('m-f')(GAPS, { id: 'm-f' })).body.data.gaps, TOPIC);
      // From the second wrong answer on it is a gap (a single one only when far below target).
      if (k === 0) continue;
      severities.push(g!.severity);
    }
    expect(severities[severities.length - 1]).toBeGreaterThan(severities[0]);
    const w = gapOn((await h.as('m-f')(GAPS, { id: 'm-f' })).body.data.gaps, TOPIC)!;
    expect(w.reasons.some((x) => /^最近 5 次相关答题只答对 0 次/.test(x))).toBe(true);

    const mastery = async (id: string) => (await h.as(id)(MASTERY, { id })).body.data.mastery.topics.find((x: { topic: { id: string } }) => x.topic.id === TOPIC).mastery;
    expect(await mastery('m-e')).toBeGreaterThan((await mastery('m-f')) + 0.3);
  });

  it('recommendations stop targeting a closed gap and keep targeting an open one', async () => {
    const targets = async (id: string) =>
      ((await h.as(id)(RECS, { id, n: 20 })).body.data.recommendations as { topics: { id: string }[] }[]).flatMap((r) => r.topics.map((t) => t.id));
    expect(await targets('m-e')).not.toContain(TOPIC);
    expect(await targets('m-f')).toContain(TOPIC);
  });

  it('nothing is recommended ahead of its prerequisites; a gap with an unready prerequisite recommends the prerequisite', async () => {
    await answer('m-g', TOPIC, false, 2);
    const recs = (await h.as('m-g')(RECS, { id: 'm-g', n: 20 })).body.data.recommendations;
    const topics = (await h.as('m-g')(MASTERY, { id: 'm-g' })).body.data.mastery.topics as { topic: { id: string }; mastery: number }[];
    const m = new Map(topics.map((t) => [t.topic.id, t.mastery]));
    for (const r of recs) {
      const own = new Set(r.course.topics.map((t: { topic: { id: string } }) => t.topic.id));
      for (const t of r.course.topics) {
        if (t.weight < 0.3) continue;
        for (const p of t.topic.prerequisites) if (!own.has(p.id)) expect(m.get(p.id) ?? 0.25, `${r.course.id} needs ${p.id}`).toBeGreaterThanOrEqual(0.4);
      }
    }
    const pre = recs.find((r: { kind: string; explanation: string }) => r.kind === 'PREREQUISITE' && r.explanation.startsWith('你要补的短板'));
    expect(pre).toBeDefined();
    expect(pre.explanation).toMatch(/^(你要补的短板|你这个阶段要求掌握)「.+」以「.+」为先修知识/);
    const kinds = pre.path.edges.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['HAS_GAP', 'PREREQUISITE_OF', 'COVERS']));
    const keys = new Set(pre.path.nodes.map((n: { key: string }) => n.key));
    for (const e of pre.path.edges) expect(keys.has(e.from) && keys.has(e.to)).toBe(true);
    expect(pre.path.nodes[0]).toMatchObject({ kind: 'MEMBER', id: 'm-g', label: '新同志m-g' });
  });

  it('once the prerequisite is mastered, the course that builds on it is recommended', async () => {
    const q = 'query($id: ID!) { recommendations(memberId: $id, first: 30) { course { id topics { topic { id } } } } }';
    const before = (await h.as('m-h')(q, { id: 'm-h' })).body.data.recommendations as { course: { id: string; topics: { topic: { id: string } }[] } }[];
    const coversTopic = (r: (typeof before)[number]) => r.course.topics.some((t) => t.topic.id === TOPIC);
    await answer('m-h', 'admission.application', true, 5);
    const after = (await h.as('m-h')(q, { id: 'm-h' })).body.data.recommendations as typeof before;
    expect(before.filter(coversTopic).length).toBeLessThan(after.filter(coversTopic).length);
  });

  it('completed courses are skipped', async () => {
    const first = (await h.as('m-g')(RECS, { id: 'm-g', n: 5 })).body.data.recommendations[0].course.id;
    const r = await h.as('m-g')('mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created } }', { i: { memberId: 'm-g', courseId: first, seconds: 1200, progress: 1 } });
    expect(r.body.data.recordStudy.created).toBe(true);
    const all = await h.as('m-g')('query($id: ID!) { recommendations(memberId: $id, first: 50) { course { id } } }', { id: 'm-g' });
    const ids = (all.body.data.recommendations as { course: { id: string } }[]).map((x) => x.course.id);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids).not.toContain(first);
  });
});

describe('cold start', () => {
  it('a course that similar members of the branch completed rises, and says so', async () => {
    const q = 'query($id: ID!) { recommendations(memberId: $id, first: 10) { course { id } score explanation } }';
    // Activists of the same branch answer the same topic wrongly: the same gap, so similar members (at least 3 to be quoted).
    for (const id of ['m-i', 'm-j', 'm-f', 'm-g']) await answer(id, 'admission.application', false, 2);
    const before = (await h.as('m-i')(q, { id: 'm-i' })).body.data.recommendations as { course: { id: string }; score: number; explanation: string }[];
    const pick = before.slice(1).find((r) => !r.explanation.includes('与你学习短板相近'))!;
    await h.as('m-j')('{ gaps(memberId: "m-j") { severity } }');
    const r = await h.as('m-j')('mutation($i: RecordStudyInput!) { recordStudy(input: $i) { created } }', {
      i: { memberId: 'm-j', courseId: pick.course.id, seconds: 1500, progress: 1 },
    });
    expect(r.body.data.recordStudy.created).toBe(true);
    const after = (await h.as('m-i')(q, { id: 'm-i' })).body.data.recommendations as typeof before;
    const now = after.find((x) => x.course.id === pick.course.id)!;
    expect(now.score).toBeGreaterThan(pick.score);
    expect(now.explanation).toMatch(/与你学习短板相近的 \d+ 位支部同志中，有 [1-9]\d* 位学完了这门课程。$/);
  });
});

describe('mastery profile', () => {
  it('rolls up per area next to the stage requirement', async () => {
    const p = (await h.as('m-e')(MASTERY, { id: 'm-e' })).body.data.mastery;
    expect(p.modelId).toMatch(/^learner-model\//);
    const admission = p.areas.find((a: { area: string }) => a.area === 'ADMISSION' || a.area === 'admission');
    expect(admission).toMatchObject({ target: 0.6, requirement: '入党积极分子须熟悉培养考察和发展程序' });
    const theory = p.areas.find((a: { area: string }) => a.area.toLowerCase() === 'theory');
    expect(theory).toMatchObject({ target: null, requirement: null });
    expect(p.topics.find((t: { topic: { id: string } }) => t.topic.id === TOPIC).target).toBe(0.7);
  });
});

describe('practice questions', () => {
  it('are on gap topics, hide the answer, and answering one moves mastery', async () => {
    const q = 'query($id: ID!) { practiceQuestions(memberId: $id, first: 4) { question { id options } topic { id } reason } }';
    const r = await h.as('m-f')(q, { id: 'm-f' });
    expect(r.body.errors).toBeUndefined();
    const list = r.body.data.practiceQuestions;
    expect(list).toHaveLength(4);
    const gaps = new Set((await h.as('m-f')(GAPS, { id: 'm-f' })).body.data.gaps.map((g: { topic: { id: string } }) => g.topic.id));
    for (const p of list) {
      expect(gaps.has(p.topic.id)).toBe(true);
      expect(p.reason).toMatch(/^针对你的学习短板「/);
    }
    const hidden = await h.as('m-f')('{ practiceQuestions(memberId: "m-f") { question { answer } } }');
    expect(codes(hidden)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('scope and audit', () => {
  it('members read only themselves; the secretary reads the branch; others are NOT_FOUND, as unknown ids', async () => {
    // NOT_FOUND where the viewer may not read the member: the answer of one who does not exist (server/auth/scope.ts).
    expect(codes(await h.as('m-a')(GAPS, { id: 'm-b' }))).toEqual(['NOT_FOUND']);
    expect(codes(await h.as('m-sec')(GAPS, { id: 'm-d' }))).toEqual(['NOT_FOUND']);
    expect(codes(await h.as('m-sec')(RECS, { id: 'm-d', n: 3 }))).toEqual(['NOT_FOUND']);
    expect(codes(await h.as('m-sec')(GAPS, { id: 'm-nobody' }))).toEqual(['NOT_FOUND']);
    const ok = await h.as('m-sec')(GAPS, { id: 'm-e' });
    expect(ok.body.errors).toBeUndefined();
    const log = await h.store.listAccess({ viewerId: 'm-sec', targetId: 'm-e', limit: 10 });
    expect(log.map((x) => x.action)).toContain('READ_LEARNING');
  });

  it('rejects first out of range', async () => {
    const r = await h.as('m-e')(RECS, { id: 'm-e', n: 0 });
    expect(r.body.errors[0]).toMatchObject({ message: '每页条数（first）须为1至50之间的整数', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('branch meetings', () => {
  it('topics the branch discussed in the last 90 days are not yet assessed without evidence, and gaps with it', async () => {
    const day = 86_400_000;
    const meeting = (id: string, daysAgo: number, topicId: string) =>
      h.store.createMeeting({
        id,
        branchId: 'b-1',
        kind: 'THEME_DAY',
        title: '主题党日',
        at: Date.now() - daysAgo * day,
        minutes: 60,
        record: '学习讨论。',
        topics: [{ topicId, weight: 1, source: 'MANUAL', confidence: 1 }],
      });
    await meeting('mt-recent-1', 10, 'discipline.integrity');
    await meeting('mt-recent-2', 40, 'discipline.integrity');
    await meeting('mt-old', 120, 'discipline.sanctions');
    const reason = /^支部近 90 天的组织生活讨论了「廉洁纪律与廉洁自律」（2 次会议），你的掌握度为 \d+%$/;
    const open = (await h.as('m-a')(PROFILE, { id: 'm-a' })).body.data.mastery.notAssessed;
    expect(open.find((n: { topic: { id: string } }) => n.topic.id === 'discipline.integrity').reasons[0]).toMatch(reason);
    await answer('m-a', 'discipline.integrity', false, 2);
    const gaps = (await h.as('m-a')(GAPS, { id: 'm-a' })).body.data.gaps;
    expect(gapOn(gaps, 'discipline.integrity')!.reasons[0]).toMatch(reason);
    // Not required of an activist and discussed only 120 days ago: no gap.
    expect(gapOn(gaps, 'discipline.sanctions')).toBeUndefined();
  });
});
