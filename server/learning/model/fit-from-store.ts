/**
 * `hongtu kt fit`: read every member's answers and study sessions from the configured store and fit
 * the learner model (weights and forgetting half-life) with the same code the server runs.
 */
import { loadConfig } from '../../config';
import { openStore } from '../../../graph';
import { CurriculumCache } from '../mastery/curriculum-view';
import { REPLAY_LIMIT } from '../mastery/mastery-service';
import { requiredTopicIds } from '../requirements';
import { eventsFromHistory, topicInfoFromView } from './history-events';
import { fitLearnerModel, type MemberEvents } from './learner-model';
import { masteryParamsPath, saveMasteryParams } from './params-file';

export async function fitFromStore(out?: string): Promise<void> {
  const cfg = loadConfig();
  const store = await openStore(cfg);
  await store.init();
  try {
    const view = await new CurriculumCache(store).get();
    const members: MemberEvents[] = [];
    for (let after: string | null = null; ; ) {
      const page = await store.listMembers({}, 500, after);
      const hist = await store.getHistoriesForMembers(
        page.items.map((m) => m.id),
        { limit: REPLAY_LIMIT },
      );
      for (const m of page.items) {
        const events = eventsFromHistory(view, hist.get(m.id) ?? { answers: [], studies: [] });
        if (events.length) members.push({ id: m.id, ctx: { stage: m.stage }, events });
      }
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    const report = fitLearnerModel(members, topicInfoFromView(view, requiredTopicIds()));
    const file = out ?? masteryParamsPath(cfg.dataDir);
    saveMasteryParams(file, report.model.params);
    const h = report.model.halfLifeDays;
    console.log(
      `Fitted on ${report.answers} answers of ${report.members} members in ${report.seconds.toFixed(1)} s; forgetting half-life ${h === null ? 'none (no forgetting found)' : `${h} days`}`,
    );
    for (const s of report.halfLifeScores) console.log(`  half-life ${s.halfLifeDays ?? 'none'}: held-out log-likelihood ${s.logLikelihood.toFixed(5)}`);
    console.log(`Saved to ${file}; run \`hongtu learn recompute\` so stored estimates use it`);
  } finally {
    await store.close();
  }
}
