/** Meetings, attendance and branchLife (organizational life). */
import { branchLife, createMeeting, getMeeting, listAttendance, listMeetings, recordAttendance } from '../life/meeting-service';
import { getMember } from '../members/member-service';
import { absenceReason, minutesHistory, updateMinutes } from '../life/meeting-records';
import { getBranch } from '../org/org-service';
import type { Resolvers } from './generated/resolvers-types';
import { tagAfterWrite } from './tag-after-write';
import { type ApiModule, readSdl } from './module';

const resolvers: Resolvers = {
  Query: {
    meetings: async (_, { branchId, from, to }, ctx) => listMeetings(await ctx.session(), branchId, from, to),
    meeting: async (_, { id }, ctx) => getMeeting(await ctx.session(), id),
    branchLife: async (_, { branchId, from, to }, ctx) => branchLife(await ctx.session(), branchId, from, to),
  },
  Mutation: {
    createMeeting: async (_, { input }, ctx) => {
      const s = await ctx.session();
      const created = await createMeeting(s, input);
      if (!created.record.trim()) return created;
      await tagAfterWrite(ctx, s, 'Meeting', created.id);
      return getMeeting(s, created.id);
    },
    recordAttendance: async (_, { input }, ctx) => recordAttendance(await ctx.session(), input.meetingId, input.rows),
    updateMeetingRecord: async (_, { input }, ctx) => updateMinutes(await ctx.session(), input),
  },
  Meeting: {
    branch: async (m, _, ctx) => getBranch(await ctx.session(), m.branchId),
    attendance: async (m, _, ctx) => listAttendance(await ctx.session(), m),
    recordEdits: async (m, _, ctx) => minutesHistory(await ctx.session(), m),
  },
  MeetingRecordEdit: {
    byId: (e) => e.by,
    byName: async (e, _, ctx) => (await (await ctx.session()).loaders.member.load(e.by))?.name ?? e.by,
  },
  Attendance: {
    member: async (a, _, ctx) => getMember(await ctx.session(), a.memberId),
    reason: async (a, _, ctx) => {
      const s = await ctx.session();
      const meeting = await s.loaders.meeting.load(a.meetingId);
      return meeting ? absenceReason(s, meeting, a) : null;
    },
  },
  BranchLife: {
    branch: async (r, _, ctx) => getBranch(await ctx.session(), r.branchId),
    missing: (r) => r.kinds.flatMap((k) => k.missing.map((period) => ({ kind: k.kind, period }))),
  },
};

export const lifeModule: ApiModule = { name: 'life', typeDefs: readSdl('life.graphql', import.meta.url), resolvers };
