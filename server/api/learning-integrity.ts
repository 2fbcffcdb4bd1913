/**
 * The branch's share of discounted answers in a period (Branch.answerIntegrity): a thin resolver over the
 * learning service, which checks scope, validates the period and notes the read.
 */
import { unavailable } from '../errors';
import { requestLocale } from '../i18n/locale';
import { integrityLabel } from '../learning/integrity/integrity-text';
import { branchAnswerIntegrityFor } from '../learning/learning-service';
import type { ApiContext } from './context';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

function learner(ctx: ApiContext) {
  const l = ctx.deps.learning?.learner;
  if (!l) throw unavailable('Learning services are not running on this server');
  return l;
}

const resolvers: Resolvers = {
  Branch: {
    answerIntegrity: async (b, { from, to }, ctx) => branchAnswerIntegrityFor(await ctx.session(), learner(ctx), b.id, from, to),
  },
  BranchDiscountReason: {
    label: (r, _, ctx) => integrityLabel(r.code, requestLocale(ctx)),
  },
};

export const learningIntegrityModule: ApiModule = {
  name: 'learning-integrity',
  typeDefs: readSdl('learning-integrity.graphql', import.meta.url),
  resolvers,
};
