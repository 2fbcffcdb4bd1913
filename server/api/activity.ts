/** recordStudy / recordAnswer: a member's own learning events. */
import type { GraphQLResolveInfo } from 'graphql';
import { writeEntry } from '../audit/request-trail';
import { withWriteEntry } from '../audit/write-entry';
import { recordAnswer, recordStudy } from '../members/activity';
import type { ApiContext } from './context';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

/** Run the service with the field's WRITE audit entry, to be written in the event's own transaction (server/audit/write-entry.ts). */
async function withEntry<T>(ctx: ApiContext, info: GraphQLResolveInfo, args: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  const entry = writeEntry(info.fieldName, args, await ctx.auditViewerId(), (ctx.deps.now ?? Date.now)());
  return withWriteEntry(ctx, String(info.path.key), entry, fn);
}

const resolvers: Resolvers = {
  Mutation: {
    recordStudy: async (_, args, ctx, info) => withEntry(ctx, info, args, async () => recordStudy(await ctx.session(), args.input, ctx.deps.learning?.hooks)),
    recordAnswer: async (_, args, ctx, info) => withEntry(ctx, info, args, async () => recordAnswer(await ctx.session(), args.input, ctx.deps.learning?.hooks)),
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
