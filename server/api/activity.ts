/** recordStudy / recordAnswer: a member's own learning events. */
import { recordAnswer, recordStudy } from '../members/activity';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const resolvers: Resolvers = {
  Mutation: {
    recordStudy: async (_, { input }, ctx) => recordStudy(await ctx.session(), input, ctx.deps.learning?.hooks),
    recordAnswer: async (_, { input }, ctx) => recordAnswer(await ctx.session(), input, ctx.deps.learning?.hooks),
  },
  RecordStudyPayload: {
    study: (p) => p.event,
  },
  RecordAnswerPayload: {
    answer: (p) => p.event,
    correct: (p) => p.event.correct,
    correctOption: (p) => p.question.answer,
    explanation: (p) => p.question.explanation,
  },
};

export const activityModule: ApiModule = { name: 'activity', typeDefs: readSdl('activity.graphql', import.meta.url), resolvers };
