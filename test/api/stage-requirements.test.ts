/**
 * Stage requirements are rules of the catalogue: over real HTTP on a real Kuzu store, a university
 * administrator's override changes what a member's stage requires (targets on the portrait, the
 * not-yet-assessed list, gaps stored before the change) and is versioned and audited; a bad override
 * or one by anyone else is refused, naming the field, with nothing written and nothing changed.
 */
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../server/rules/periods';
import { codes } from '../support/api-world';
import { questionsOn, useLearningWorld } from './learning-world';

const h = useLearningWorld();
const RULE = 'learning.stage-requirements.activist';
const NEW_TOPIC = 'theory.two-establishes';
const OVERRIDE = 'mutation($i: OverrideRuleInput!) { overrideRule(input: $i) { id version params effectiveFrom } }';
const PROFILE = `query($id: ID!) { mastery(memberId: $id) { topics { topic { id } target } areas { area target requirement }
  notAssessed { topic { id } target reasons } } }`;
const GAPS = 'query($id: ID!) { gaps(memberId: $id) { topic { id } reasons } }';

type Profile = { topics: { topic: { id: string }; target: number | null }[]; notAssessed: { topic: { id: string }; target: number; reasons: string[] }[] };
const profile = async (id: string): Promise<Profile> => {
  const r = await h.as(id)(PROFILE, { id });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.mastery;
};
const targetOf = (p: Profile, id: string) => p.topics.find((t) => t.topic.id === id)?.target ?? null;

const newTopics = [
  { topicId: NEW_TOPIC, target: 0.8, reason: '本校要求积极分子提前学习“两个确立”' },
  { topicId: 'admission.activist', target: 0.9, reason: '积极分子须熟悉自身培养考察的要求' },
];
const good = () => ({ ruleId: RULE, params: JSON.stringify({ topics: newTopics }), effectiveFrom: formatDay(Date.now()), reason: '校党委学习要求调整' });

async function answerWrong(memberId: string, topicId: string, n: number) {
  for (const q of questionsOn(topicId).slice(0, n)) {
    const r = await h.as(memberId)('mutation($i: RecordAnswerInput!) { recordAnswer(input: $i) { correct } }', {
      i: { memberId, questionId: q.id, choice: (q.answer + 1) % q.options.length, seconds: 40 },
    });
    expect(r.body.data.recordAnswer.correct).toBe(false);
  }
}

describe('stage requirements as catalogue rules', () => {
  it('are listed in the catalogue with their defaults and a citation of the document alone', async () => {
    const r = await h.as('m-a')(`{ rule(id: "${RULE}") { version kind appliesTo params citation { confirmed document } } }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.rule).toMatchObject({ version: 1, kind: 'stage-requirement', appliesTo: 'MEMBER', citation: { confirmed: false, document: '中国共产党发展党员工作细则' } });
    const params = JSON.parse(r.body.data.rule.params);
    expect(params.topics).toContainEqual({ topicId: 'admission.activist', target: 0.7, reason: '积极分子须了解自身培养教育和考察的要求' });
    expect(params.topics.map((t: { topicId: string }) => t.topicId)).not.toContain(NEW_TOPIC);
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['a target above 1', { topics: [{ ...newTopics[0], target: 1.5 }] }, 'params.topics[0].target', /above 0 and at most 1/],
    ['a topic id that is not a subtopic id', { topics: [{ ...newTopics[0], topicId: 'nope' }] }, 'params.topics[0].topicId', /subtopic id/],
    ['a topic listed twice', { topics: [newTopics[0], newTopics[0]] }, 'params.topics[1].topicId', /listed twice/],
    ['an empty reason', { topics: [{ ...newTopics[0], reason: ' ' }] }, 'params.topics[0].reason', /reason/],
    ['topics that are not a list', { topics: 'all' }, 'params.topics', /must be a list/],
    ['an unknown area', { areas: [{ area: 'sports', target: 0.5, reason: 'x' }] }, 'params.areas[0].area', /must be one of/],
  ];
  for (const [what, params, field, message] of bad) {
    it(`refuses ${what}, naming ${field}; nothing is written and the member's requirements stay`, async () => {
      const before = await profile('m-g');
      const r = await h.as('m-uadmin')(OVERRIDE, { i: { ...good(), params: JSON.stringify(params) } });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors[0].extensions.field).toBe(field);
      expect(r.body.errors[0].message).toMatch(message);
      expect(await h.store.listRuleOverrides()).toEqual([]);
      expect(await profile('m-g')).toEqual(before);
    });
  }

  it('refuses the branch secretary and the committee administrator (FORBIDDEN), writing nothing', async () => {
    for (const who of ['m-sec', 'm-cadmin']) expect(codes(await h.as(who)(OVERRIDE, { i: good() })), who).toEqual(['FORBIDDEN']);
    expect(await h.store.listRuleOverrides()).toEqual([]);
    expect(targetOf(await profile('m-g'), 'admission.activist')).toBe(0.7);
  });

  it("a university administrator's override changes a member's required topics at once, and is versioned and audited", async () => {
    const before = await profile('m-g');
    expect(targetOf(before, 'admission.activist')).toBe(0.7);
    expect(targetOf(before, NEW_TOPIC)).toBeNull();
    expect(targetOf(before, 'constitution.general-program')).toBe(0.65);
    expect(before.notAssessed.map((n) => n.topic.id)).not.toContain(NEW_TOPIC);
    // Two wrong answers on a required topic make a stored gap; two on a topic the stage does not require do not (yet).
    await answerWrong('m-h', 'admission.activist', 2);
    await answerWrong('m-h', NEW_TOPIC, 2);
    const gapsBefore = (await h.as('m-h')(GAPS, { id: 'm-h' })).body.data.gaps as { topic: { id: string } }[];
    expect(gapsBefore.map((g) => g.topic.id)).toContain('admission.activist');
    expect(gapsBefore.map((g) => g.topic.id)).not.toContain(NEW_TOPIC);

    const r = await h.as('m-uadmin')(OVERRIDE, { i: good() });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.overrideRule).toMatchObject({ id: RULE, version: 2, effectiveFrom: good().effectiveFrom });
    // Only the topics changed; the areas are kept from the version in force.
    const stored = JSON.parse(r.body.data.overrideRule.params);
    expect(stored.topics).toEqual(newTopics);
    expect(stored.areas.map((a: { area: string }) => a.area)).toEqual(['constitution', 'admission', 'history']);

    const after = await profile('m-g');
    expect(targetOf(after, NEW_TOPIC)).toBe(0.8);
    expect(targetOf(after, 'admission.activist')).toBe(0.9);
    expect(targetOf(after, 'constitution.general-program')).toBeNull();
    const open = after.notAssessed.find((n) => n.topic.id === NEW_TOPIC)!;
    expect(open.target).toBe(0.8);
    expect(open.reasons[0]).toMatch(/^入党积极分子须掌握「[^」]+」（要求 80%，当前 \d+%）：本校要求积极分子提前学习“两个确立”$/);
    expect(after.notAssessed.map((n) => n.topic.id)).not.toContain('constitution.general-program');

    // Gaps stored less than a day before the change are recomputed under the new requirements: the wrong answers now make a gap.
    const gapsAfter = (await h.as('m-h')(GAPS, { id: 'm-h' })).body.data.gaps as { topic: { id: string }; reasons: string[] }[];
    const g = gapsAfter.find((x) => x.topic.id === NEW_TOPIC);
    expect(g?.reasons[0]).toMatch(/本校要求积极分子提前学习“两个确立”/);

    // Other stages keep their rules; the change has an author, a reason and an access-log line.
    const overrides = await h.store.listRuleOverrides();
    expect(overrides).toMatchObject([{ id: `${RULE}@2`, ruleId: RULE, version: 2, createdBy: 'm-uadmin', reason: '校党委学习要求调整' }]);
    expect(await h.store.listAccess({ targetId: `${RULE}@2`, limit: 10 })).toMatchObject([{ viewerId: 'm-uadmin', action: 'OVERRIDE_RULE', targetKind: 'Rule' }]);
    const hist = await h.as('m-sec')(`{ ruleHistory(id: "${RULE}") { rule { version } isOverride createdBy } }`);
    expect(hist.body.data.ruleHistory).toEqual([
      { rule: { version: 1 }, isOverride: false, createdBy: null },
      { rule: { version: 2 }, isOverride: true, createdBy: 'm-uadmin' },
    ]);
  });
});
