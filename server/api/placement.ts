/**
 * The adaptive placement quiz (摸底测评): a thin resolver over the learning service, which checks that
 * the viewer is the member and notes the read (server/learning/learning-service.ts).
 */
import { notFound, unavailable } from '../errors';
import { placementStepFor } from '../learning/learning-service';
import type { ApiContext } from './context';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

function learner(ctx: ApiContext) {
  const l = ctx.deps.learning?.learner;
  if (!l) throw unavailable('Learning services are not running on this server');
  return l;
}

async function topicById(ctx: ApiContext, id: string) {
  const t = (await learner(ctx).curriculum.get()).topics.get(id);
  if (!t) throw notFound('Topic', id);
  return t;
}

const resolvers: Resolvers = {
  Query: {
    placementStep: async (_, { memberId, asked }, ctx) => placementStepFor(await ctx.session(), learner(ctx), memberId, [...(asked ?? [])]),
  },
  PlacementStep: {
    topic: (p, _, ctx) => (p.topicId ? topicById(ctx, p.topicId) : null),
  },
  PlacementEstimate: {
    topic: (e, _, ctx) => topicById(ctx, e.topicId),
  },
};

export const placementModule: ApiModule = { name: 'placement', typeDefs: readSdl('placement.graphql', import.meta.url), resolvers };
