/** A member's record (党员档案): read and edit within scope. */
import { getMemberRecord, type MemberRecordView, updateMemberRecord } from '../members/member-record-service';
import type { PipelineBackedField } from '../members/record-pipeline';
import type { MemberRecordField, Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const people = async (ids: string[], load: (id: string) => Promise<{ id: string; name: string } | null | undefined>) =>
  (await Promise.all(ids.map(load))).filter((p): p is { id: string; name: string } => !!p).map((p) => ({ id: p.id, name: p.name }));

/** Record fields as the API names them. */
const FIELD_ENUM: Record<PipelineBackedField, MemberRecordField> = {
  appliedAt: 'APPLIED_AT',
  activistAt: 'ACTIVIST_AT',
  candidateAt: 'CANDIDATE_AT',
  joinedAt: 'JOINED_AT',
  fullAt: 'FULL_AT',
  contactIds: 'CONTACTS',
};

const resolvers: Resolvers = {
  Query: {
    memberRecord: async (_, { memberId }, ctx) => getMemberRecord(await ctx.session(), memberId),
  },
  Mutation: {
    updateMemberRecord: async (_, { input }, ctx) => updateMemberRecord(await ctx.session(), input),
  },
  MemberRecordConflict: {
    field: (v) => FIELD_ENUM[v.field],
    recordPeople: async (v, _, ctx) => {
      const s = await ctx.session();
      return people(v.recordIds, (id) => s.loaders.member.load(id));
    },
    pipelinePeople: async (v, _, ctx) => {
      const s = await ctx.session();
      return people(v.pipelineIds, (id) => s.loaders.member.load(id));
    },
  },
  MemberRecord: {
    memberId: (v) => v.record.memberId,
    appliedAt: (v) => v.record.appliedAt,
    activistAt: (v) => v.record.activistAt,
    candidateAt: (v) => v.record.candidateAt,
    joinedAt: (v) => v.record.joinedAt,
    fullAt: (v) => v.record.fullAt,
    sponsors: async (v, _, ctx) => {
      const s = await ctx.session();
      return people(v.record.sponsorIds, (id) => s.loaders.member.load(id));
    },
    contacts: async (v, _, ctx) => {
      const s = await ctx.session();
      return people(v.record.contactIds, (id) => s.loaders.member.load(id));
    },
    email: (v) => v.record.email,
    version: (v) => v.record.version,
    updatedAt: (v) => (v.record.version ? v.record.updatedAt : null),
    fromPipeline: (v) => v.sources.map((x) => ({ ...x, field: FIELD_ENUM[x.field] })),
    conflicts: (v) => v.conflicts,
    updatedByName: async (v, _, ctx) => (v.record.version ? ((await (await ctx.session()).loaders.member.load(v.record.updatedBy))?.name ?? null) : null),
  },
};

export type { MemberRecordView };
export const memberRecordModule: ApiModule = { name: 'member-record', typeDefs: readSdl('member-record.graphql', import.meta.url), resolvers };
