/**
 * Branch learning figures from the maintained summaries (server/learning/summary): a thin resolver that
 * checks every branch is in the viewer's scope, notes the read, and reads one stored row per branch.
 */
import { MASTERY_BAND_LOWER, TOP_AREAS, type BranchLearning } from '../../graph';
import { assertCanReadBranch } from '../auth/scope';
import { badInput, unavailable } from '../errors';
import { getBranch } from '../org/org-service';
import type { Resolvers } from './generated/resolvers-types';
import { type ApiModule, readSdl } from './module';

const MAX_BRANCHES = 500;

/** The API's view of a branch row (or of a branch whose row is not computed yet). */
function toSummary(branchId: string, b: BranchLearning | undefined) {
  const cells = b ? b.members * TOP_AREAS.length : 0;
  const total = b ? b.areaMilli.reduce((s, v) => s + v, 0) : 0;
  return {
    branchId,
    asOf: b ? b.asOf : null,
    members: b?.members ?? 0,
    mastery: cells ? total / 1000 / cells : null,
    completion: b?.required ? b.met / b.required : null,
    requiredCells: b?.required ?? 0,
    metCells: b?.met ?? 0,
    areas: b?.members ? TOP_AREAS.map((area, i) => ({ area, mastery: (b.areaMilli[i] ?? 0) / 1000 / b.members })) : [],
    masteryBands: MASTERY_BAND_LOWER.map((from, i) => ({ from, to: MASTERY_BAND_LOWER[i + 1] ?? 1, cells: b?.bands[i] ?? 0 })),
    gapCount: b?.gaps ?? 0,
    membersWithGaps: b?.membersWithGaps ?? 0,
  };
}

const resolvers: Resolvers = {
  Query: {
    branchLearningSummaries: async (_, { branchIds }, ctx) => {
      const s = await ctx.session();
      const ids = [...new Set(branchIds)];
      if (ids.length === 0 || ids.length > MAX_BRANCHES) throw badInput('branchIds', `branchIds must name 1–${MAX_BRANCHES} branches, got ${ids.length}`);
      const learner = ctx.deps.learning?.learner;
      if (!learner) throw unavailable('Learning services are not running on this server');
      await Promise.all(ids.map((id) => getBranch(s, id)));
      for (const id of ids) assertCanReadBranch(s.viewer, id);
      for (const id of ids) s.audit.note('READ_LEARNING', 'Branch', id);
      const got = await learner.summaries.branchFigures(ids, s.now());
      return ids.map((id) => toSummary(id, got.get(id)));
    },
  },
};

export const learningSummaryModule: ApiModule = { name: 'learning-summary', typeDefs: readSdl('learning-summary.graphql', import.meta.url), resolvers };
