/**
 * Weights of the fields whose resolvers cost more than reading a stored value, in cost units: one
 * unit is one stored field read (~0.1 ms over HTTP on the bench machine). Measured with
 * `npx tsx test/bench/limits-bench.ts --costs` (demo world, real Kuzu store, real learner services,
 * over HTTP): (a field's median time for one request − the median of `{ viewer { role } }`) ÷ the
 * time per field read of `courses(first: 100)` with six fields. The machine is shared and noisy
 * (spreads of 2–5×), so the weights are rounded medians of two runs. Re-measure when a resolver changes.
 * search, suggestTopics and the text-tagging writes (createMeeting/createCourse with text) run
 * the embedder, which the bench does not compose in: their weights are estimates, at least the
 * heaviest measured read.
 */
/** A mutation not listed here: one write transaction plus access records (~20 ms). */
export const MUTATION_COST = 200;

export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Query.recommendations': 300,
  'Query.practiceQuestions': 100,
  'Query.gaps': 100,
  'Query.mastery': 150,
  'Query.studyPlan': 50,
  'Query.branchGaps': 250,
  'Branch.answerIntegrity': 100,
  'Query.branchLearningSummaries': 20,
  'Query.branchLife': 50,
  'Query.search': 300,
  'Query.suggestTopics': 300,
  'Mutation.generateStudyPlan': 900,
  'Mutation.recordAnswer': 500,
  'Mutation.recordStudy': 500,
  'Mutation.createMeeting': 500,
  'Mutation.createCourse': 500,
};
