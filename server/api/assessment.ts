/** Branch assessment (考核): trend per branch and comparison across branches. */
import { branchAssessment, compareBranches, type QuarterScore } from '../rules/assessment';
import type { Resolvers } from './generated/resolvers-types';
import { type Locale, requestLocale } from '../i18n/locale';
import { renderStored } from '../i18n/reasons';
import { type ApiModule, readSdl } from './module';
import { NO_NAMES, reasonModelsIn } from './reasons';

/** A quarter's score with titles and explanations in the request's language. */
const toApi = (locale: Locale) => (q: QuarterScore) => ({
  branchId: q.branchId,
  branchName: q.branchName,
  quarter: q.quarter.label,
  from: q.quarter.start,
  to: q.quarter.end,
  score: q.score,
  indicators: q.indicators.map((i) => ({
    id: i.id,
    title: locale === 'en' ? i.title.en : i.title.zh,
    weight: i.weight,
    value: i.value,
    noData: i.value === null,
    met: i.met,
    total: i.total,
    explanation: renderStored(i.explanation, locale, NO_NAMES),
    explanationDetails: reasonModelsIn(i.explanation, locale, NO_NAMES),
    shortfalls: i.shortfalls,
    counted: i.counted,
    evidence: i.evidence,
  })),
});

const resolvers: Resolvers = {
  Query: {
    branchAssessment: async (_, { branchId, first }, ctx) => (await branchAssessment(await ctx.session(), branchId, first)).map(toApi(requestLocale(ctx))),
    assessmentComparison: async (_, { committeeId, quarter }, ctx) =>
      (await compareBranches(await ctx.session(), committeeId ? { kind: 'COMMITTEE', id: committeeId } : { kind: 'UNIVERSITY' }, quarter)).map(toApi(requestLocale(ctx))),
  },
};

export const assessmentModule: ApiModule = { name: 'assessment', typeDefs: readSdl('assessment.graphql', import.meta.url), resolvers };
