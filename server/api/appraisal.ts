/** Appraisal rounds (民主评议党员): rounds, blind-signature issuance, anonymous ballots, results, self-assessments. */
import { castBallot, memberAppraisals, roundResults, roundSelfAssessments, spentTokens } from '../appraisal/ballots';
import { canSeeRound, closeRound, getRound, listRounds, openRound, requestBallotSignature, roundPeople, roundStatus, submitSelfAssessment, turnout } from '../appraisal/rounds';
import { canManageBranch } from '../auth/scope';
import { getBranch } from '../org/org-service';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

/** Whether the HTTP request carried anything that could tie it to a person. */
const carriesCredentials = (req: Request): boolean => req.headers.has('authorization') || req.headers.has('cookie');

const resolvers: Resolvers = {
  Query: {
    appraisalRounds: async (_, { branchId }, ctx) => listRounds(await ctx.session(), branchId),
    appraisalRound: async (_, { id }, ctx) => getRound(await ctx.session(), id),
    appraisalResults: async (_, { roundId }, ctx) => roundResults(await ctx.session(), roundId),
    spentBallotTokens: async (_, { roundId }, ctx) => spentTokens(await ctx.session(), roundId),
    selfAssessments: async (_, { roundId }, ctx) => roundSelfAssessments(await ctx.session(), roundId),
    memberAppraisals: async (_, { memberId }, ctx) => memberAppraisals(await ctx.session(), memberId),
  },
  Mutation: {
    openAppraisalRound: async (_, { input }, ctx) => openRound(await ctx.session(), input, ctx.deps.config.ballotSecret),
    closeAppraisalRound: async (_, { id }, ctx) => closeRound(await ctx.session(), id),
    requestBallotSignature: async (_, { roundId, blindedMessage }, ctx) => requestBallotSignature(await ctx.session(), roundId, blindedMessage, ctx.deps.config.ballotSecret),
    castBallot: async (_, { input }, ctx) => castBallot(ctx.deps.store, (ctx.deps.now ?? Date.now)(), input, carriesCredentials(ctx.request)),
    submitSelfAssessment: async (_, { roundId, text }, ctx) => {
      const s = await ctx.session();
      const saved = await submitSelfAssessment(s, roundId, text);
      return { roundId, memberId: s.viewer.memberId, ...saved };
    },
  },
  AppraisalRound: {
    branch: async (r, _, ctx) => getBranch(await ctx.session(), r.branchId),
    status: async (r, _, ctx) => roundStatus(r, (await ctx.session()).now()),
    appraisees: async (r, _, ctx) => roundPeople(await ctx.session(), r),
    turnout: async (r, _, ctx) => turnout(await ctx.session(), r),
    myPart: async (r, _, ctx) => {
      const s = await ctx.session();
      const voter = r.voterIds.includes(s.viewer.memberId);
      return {
        voter,
        issued: voter && canSeeRound(s, r) ? await s.store.hasBallotIssue(r.id, s.viewer.memberId) : false,
        appraised: r.appraiseeIds.includes(s.viewer.memberId),
        manager: canManageBranch(s.viewer, r.branchId),
      };
    },
  },
  AppraisalResult: {
    member: (r) => ({ id: r.memberId, name: r.name }),
  },
  SelfAssessment: {
    member: async (a, _, ctx) => {
      const m = await ctx.loaders.member.load(a.memberId);
      return { id: a.memberId, name: m?.name ?? '' };
    },
  },
};

export const appraisalModule: ApiModule = { name: 'appraisal', typeDefs: readSdl('appraisal.graphql', import.meta.url), resolvers };
