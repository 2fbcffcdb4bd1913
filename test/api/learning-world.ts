/**
 * The API world plus the hand-written curriculum (topics with prerequisites, courses, questions),
 * a few extra members with no history, and a server with the real learner services.
 */
import { afterAll, beforeAll } from 'vitest';
import type { GraphStore } from '../../graph';
import type { Member, TopicTag } from '../../graph/model';
import { courses, questions, topics } from '../../seeds/curriculum/index';
import { createLearnerServices, type LearnerServices } from '../../server/learning/learner-services';
import { buildApiWorld, buildMember, type ApiWorld } from '../support/builders';
import { type GqlResponse, openTempStore, startTestServer, type TestServer } from '../support/api-server';

const tags = (t: Record<string, number>): TopicTag[] => Object.entries(t).map(([topicId, weight]) => ({ topicId, weight, source: 'MANUAL', confidence: 1 }));

export interface LearningHarness {
  store: GraphStore;
  server: TestServer;
  world: ApiWorld;
  learner: LearnerServices;
  /** Fresh ACTIVIST members of b-1 with no history: e … j. */
  fresh: Record<'e' | 'f' | 'g' | 'h' | 'i' | 'j', Member>;
  as(memberId: string): (query: string, variables?: Record<string, unknown>) => Promise<GqlResponse>;
}

export function useLearningWorld(): LearningHarness {
  const h = {} as LearningHarness;
  let dispose: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    const t = await openTempStore();
    dispose = t.dispose;
    h.store = t.store;
    h.world = await buildApiWorld(t.store);
    // Prerequisites may point forward in the list: topics first, then their PREREQUISITE_OF edges.
    for (const pass of [false, true]) {
      for (const s of topics) {
        await t.store.upsertTopic({ id: s.id, name: s.name, area: s.area, description: s.description, parentId: s.parentId, prerequisiteIds: pass ? s.prerequisiteIds : [] });
      }
    }
    for (const c of courses) await t.store.createCourse({ id: c.id, title: c.title, summary: c.summary, kind: c.kind, minutes: c.minutes, topics: tags(c.topics) });
    for (const q of questions) {
      await t.store.upsertQuestion({ id: q.id, stem: q.stem, options: q.options, answer: q.answer, explanation: q.explanation, difficulty: q.difficulty, topics: tags(q.topics) });
    }
    const fresh = async (id: string) => buildMember(t.store, { id, name: `新同志${id}`, branchId: 'b-1', stage: 'ACTIVIST' });
    h.fresh = {
      e: await fresh('m-e'),
      f: await fresh('m-f'),
      g: await fresh('m-g'),
      h: await fresh('m-h'),
      i: await fresh('m-i'),
      j: await fresh('m-j'),
    };
    h.learner = createLearnerServices(t.store);
    h.server = await startTestServer(t.store, { deps: { learning: { learner: h.learner, hooks: h.learner.hooks } } });
    const tokens = new Map<string, string>();
    h.as = (id) => async (query, variables) => {
      if (!tokens.has(id)) tokens.set(id, await h.server.tokenFor(id));
      return h.server.gql(query, variables, tokens.get(id));
    };
  });
  afterAll(async () => {
    await h.server?.close();
    await dispose?.();
  });
  return h;
}

/** Questions testing a topic (main tag), with their right option. */
export const questionsOn = (topicId: string) => questions.filter((q) => (q.topics[topicId] ?? 0) >= 0.5);
