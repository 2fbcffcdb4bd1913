/** Talk records (谈心谈话): restricted to the people in them and the responsible secretary; every read audited. */
import { createTalk, getTalk, listTalks, membersWithoutYearlyTalk, TALK_KINDS, talkCounts, talkReads } from '../appraisal/talks';
import { getMember } from '../members/member-service';
import { getBranch } from '../org/org-service';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const person = async (ctx: { loaders: { member: { load(id: string): Promise<{ name: string } | null> } } }, id: string) => ({
  id,
  name: (await ctx.loaders.member.load(id))?.name ?? '',
});

const resolvers: Resolvers = {
  Query: {
    talkRecords: async (_, { memberId }, ctx) => listTalks(await ctx.session(), memberId),
    talkRecord: async (_, { id }, ctx) => getTalk(await ctx.session(), id),
    talkRecordReads: async (_, { id }, ctx) => talkReads(await ctx.session(), id),
    talkCounts: async (_, { from, to }, ctx) => talkCounts(await ctx.session(), from, to),
    membersWithoutYearlyTalk: async (_, { branchId, year }, ctx) => {
      const s = await ctx.session();
      const members = await membersWithoutYearlyTalk(s, branchId, year);
      return Promise.all(members.map((m) => getMember(s, m.id)));
    },
    talkKinds: async (_, __, ctx) => {
      await ctx.session();
      return Object.entries(TALK_KINDS).map(([id, names]) => ({ id, ...names }));
    },
  },
  Mutation: {
    createTalkRecord: async (_, { input }, ctx) => createTalk(await ctx.session(), input),
  },
  TalkRecord: {
    subject: (t, _, ctx) => person(ctx, t.subjectId),
    participants: (t, _, ctx) => Promise.all(t.participantIds.map((id) => person(ctx, id))),
  },
  TalkRecordRead: {
    reader: (r) => ({ id: r.viewerId, name: r.viewerName }),
  },
  TalkCount: {
    branch: async (c, _, ctx) => getBranch(await ctx.session(), c.branchId),
  },
};

export const talkModule: ApiModule = { name: 'talk', typeDefs: readSdl('talk.graphql', import.meta.url), resolvers };
