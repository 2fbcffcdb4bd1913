/**
 * Bench section "recommendations": recommendations p50/p99 through in-process
 * GraphQL, first read (mastery replayed from history, gaps computed and stored) and warm, next to the
 * raw store read of the same member's history; study-plan generation; and the offline simulation of
 * recommendation policies under the hidden learning model (gain vs random and popularity baselines).
 */
import { createApp } from '../../server/app';
import { signToken } from '../../server/auth/tokens';
import { loadConfig } from '../../server/config';
import { createLearnerServices } from '../../server/learning/learner-services';
import { runRecommendationSimulation } from '../../server/learning/simulate/run-simulation';
import type { BenchContext } from './run';
import { fmt, percentile, sample, type BenchRow } from './stats';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const RECS = `query($id: ID!) { recommendations(memberId: $id, first: 5) {
  course { id title } score kind explanation path { nodes { key kind label } edges { from to kind } } } }`;
const PLAN = 'mutation($id: ID!) { generateStudyPlan(memberId: $id, minutesPerWeek: 120, weeks: 8) { id items { week course { id } } } }';

export async function bench(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const config = loadConfig({ HONGTU_DEV_LOGIN: '1', HONGTU_LOG_LEVEL: 'error', HONGTU_CLIENT_DIR: '/nonexistent' });
  const learner = createLearnerServices(ctx.store);
  const app = createApp({ config, store: ctx.store, logger: silent, learning: { learner, hooks: learner.hooks } });
  const { token } = await signToken(config.jwtSecret, 'm-1');
  const gql = async (query: string, id: string) => {
    const res = await app.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { id } }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`learning query failed: ${JSON.stringify(body.errors).slice(0, 200)}`);
  };
  const ids = Array.from({ length: 100 }, (_, i) => `m-${5 + ((i * 7919) % (ctx.members - 5))}`);
  const cold = await sample(ids.length, 0, (i) => gql(RECS, ids[i]));
  const warm = await sample(ids.length, 5, (i) => gql(RECS, ids[i % ids.length]));
  const raw = await sample(ids.length, 5, (i) => ctx.store.getMemberHistory(ids[i % ids.length], { limit: 500 }));
  const [c50, c99, w50, w99, r50] = [percentile(cold, 50), percentile(cold, 99), percentile(warm, 50), percentile(warm, 99), percentile(raw, 50)];
  rows.push({
    section: 'recommendations',
    metric: 'recommendations(first: 5), first read (replay + gaps)',
    value: `p50 ${fmt(c50)} ms, p99 ${fmt(c99)} ms`,
    note: `${ids.length} members, GraphQL in-process`,
  });
  rows.push({
    section: 'recommendations',
    metric: 'recommendations(first: 5), warm',
    value: `p50 ${fmt(w50)} ms, p99 ${fmt(w99)} ms`,
    note: `raw getMemberHistory(500) p50 ${fmt(r50)} ms; GraphQL/raw p50 ${fmt(w50 / r50)}×`,
  });
  const plan = await sample(30, 2, (i) => gql(PLAN, ids[i % ids.length]));
  rows.push({
    section: 'recommendations',
    metric: 'generateStudyPlan(120 min × 8 weeks)',
    value: `p50 ${fmt(percentile(plan, 50))} ms, p99 ${fmt(percentile(plan, 99))} ms`,
    note: '30 samples',
  });

  const memberLimit = ctx.scale === 'medium' ? 1000 : undefined;
  const t0 = performance.now();
  const sim = await runRecommendationSimulation({ dir: ctx.bulkDir, memberLimit, weeks: 8, minutesPerWeek: 60 });
  const s = (performance.now() - t0) / 1000;
  for (const r of sim) {
    rows.push({
      section: 'recommendations',
      metric: `simulated 8 weeks × 60 min: ${r.policy}`,
      value: `gain required ${fmt(r.gainRequired, 3)}, all ${fmt(r.gainAll, 3)}`,
      note: `${r.members} members; targets met ${fmt(r.targetsMetBefore * 100, 1)}% → ${fmt(r.targetsMetAfter * 100, 1)}%; prerequisite violations ${fmt(r.prereqViolationRate * 100, 1)}%; ${fmt(r.msPerChoice)} ms/choice; run ${fmt(s, 0)} s`,
    });
  }
  return rows;
}
