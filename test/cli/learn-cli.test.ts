/**
 * `hongtu learn recompute` through the real CLI on a Kuzu store in a temp dir: every member's mastery is
 * refolded from their history with the parameters in kt-params.json, their gaps are stored, and the
 * learning summaries of every branch are rebuilt; gaps follow the stage requirements in force, a university
 * administrator's override included.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { questions, topics } from '../../seeds/curriculum/index';
import { defaultLearnerParams } from '../../server/learning/model/product-model';
import { LearnerModel } from '../../server/learning/model/learner-model';
import { masteryParamsPath, saveMasteryParams } from '../../server/learning/model/params-file';
import { decodeReasons } from '../../server/i18n/reasons';
import { LEARNING_RULES, stageRequirementRuleId } from '../../server/rules/catalogue/learning';
import { formatDay } from '../../server/rules/periods';
import { buildApiWorld } from '../support/builders';
import { childEnv } from '../support/child-env';
import { makeTempDir } from '../support/temp-dirs';

const dataDir = path.join(makeTempDir('hongtu-learn-'), 'kuzu');
const hongtu = (args: string[]) =>
  spawnSync(process.execPath, ['bin/hongtu.mjs', ...args], {
    encoding: 'utf8',
    env: childEnv({ HONGTU_DATA_DIR: dataDir, HONGTU_EMBEDDER: 'lexical' }),
  });

async function withStore<T>(f: (s: KuzuStore) => Promise<T>): Promise<T> {
  const store = new KuzuStore({ dir: dataDir });
  await store.init();
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}

const onTopic = questions.filter((q) => (q.topics['admission.activist'] ?? 0) >= 0.5).slice(0, 4);

beforeAll(async () => {
  await withStore(async (store) => {
    await buildApiWorld(store);
    for (const pass of [false, true]) {
      for (const t of topics)
        await store.upsertTopic({ id: t.id, name: t.name, area: t.area, description: t.description, parentId: t.parentId, prerequisiteIds: pass ? t.prerequisiteIds : [] });
    }
    for (const [i, q] of onTopic.entries()) {
      await store.upsertQuestion({ ...q, topics: Object.entries(q.topics).map(([topicId, weight]) => ({ topicId, weight, source: 'MANUAL', confidence: 1 })) });
      await store.recordAnswer({ id: `a-${i}`, memberId: 'm-a', questionId: q.id, at: Date.now() - (10 - i) * 60_000, correct: true, seconds: 20 });
    }
  });
});

const masteryOfA = () => withStore(async (s) => (await s.getMasteryForMembers(['m-a'])).get('m-a')!.find((r) => r.topicId === 'admission.activist')?.p);

describe('hongtu learn recompute', () => {
  it("replays history into mastery rows and stores every member's gaps", async () => {
    const r = hongtu(['learn', 'recompute']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^8 members: \d+ mastery rows, \d+ gaps with learner-model\/1 in [\d.]+ s\nlearning summaries of 8 members rebuilt in [\d.]+ s\n$/);
    expect((await withStore((s) => s.getBranchLearning(['b-1', 'b-2', 'b-3']))).size).toBe(3);
    const p = await masteryOfA();
    // Four right answers raise the estimate well above what the model assumes with no evidence.
    const prior = new LearnerModel(defaultLearnerParams()).priorMastery('admission.activist');
    expect(p).toBeGreaterThan(prior + 0.1);
    // Gaps need evidence now, so not every member has one; the stored gaps are exactly the ones reported.
    const members = (await withStore((s) => s.listMembers({}, 100, null))).items.map((m) => m.id);
    const gaps = await withStore((s) => s.getGapsForMembers(members));
    const stored = [...gaps.values()].reduce((n, list) => n + list.length, 0);
    expect(stored).toBe(Number(/(\d+) gaps/.exec(r.stdout)![1]));
  });

  it('uses the fitted parameters when kt-params.json changes', async () => {
    const before = await masteryOfA();
    saveMasteryParams(masteryParamsPath(dataDir), { ...defaultLearnerParams(), version: 7, guess: 0.6 });
    const r = hongtu(['learn', 'recompute']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('with learner-model/7');
    expect(await masteryOfA()).toBeLessThan(before!);
  });

  it("follows the stage requirements in force: an administrator's override makes wrong answers on a newly required topic a gap", async () => {
    const TOPIC = 'theory.two-establishes';
    const gapsOfA = async () => (await withStore((s) => s.getGapsForMembers(['m-a']))).get('m-a') ?? [];
    await withStore(async (store) => {
      const wrong = questions.filter((q) => (q.topics[TOPIC] ?? 0) >= 0.5).slice(0, 2);
      expect(wrong).toHaveLength(2);
      for (const [i, q] of wrong.entries()) {
        await store.upsertQuestion({ ...q, topics: Object.entries(q.topics).map(([topicId, weight]) => ({ topicId, weight, source: 'MANUAL', confidence: 1 })) });
        await store.recordAnswer({ id: `w-${i}`, memberId: 'm-a', questionId: q.id, at: Date.now() - (5 - i) * 60_000, correct: false, seconds: 40 });
      }
    });
    // The catalogue's default for activists does not require the topic: two wrong answers are no gap yet.
    let r = hongtu(['learn', 'recompute']);
    expect(r.status, r.stderr).toBe(0);
    expect((await gapsOfA()).map((g) => g.topicId)).not.toContain(TOPIC);

    const ruleId = stageRequirementRuleId('ACTIVIST');
    const defaults = LEARNING_RULES.find((x) => x.id === ruleId)!.params;
    const params = { ...defaults, topics: [...defaults.topics, { topicId: TOPIC, target: 0.8, reason: '本校要求积极分子提前学习“两个确立”' }] };
    await withStore((s) =>
      s.createRuleOverride({
        id: `${ruleId}@2`,
        ruleId,
        version: 2,
        params: JSON.stringify(params),
        effectiveFrom: formatDay(Date.now()),
        reason: '校党委学习要求调整',
        createdBy: 'm-uadmin',
        createdAt: Date.now() - 1000,
      }),
    );
    r = hongtu(['learn', 'recompute']);
    expect(r.status, r.stderr).toBe(0);
    const gap = (await gapsOfA()).find((g) => g.topicId === TOPIC);
    expect(gap, 'a gap on the newly required topic').toBeDefined();
    const [first] = decodeReasons(gap!.reasons[0]);
    expect(first).toMatchObject({ code: 'GAP_STAGE_TOPIC', params: { stage: 'ACTIVIST', topic: TOPIC, target: 0.8 } });
  }, 240_000);
});
