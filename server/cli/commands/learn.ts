/**
 * `hongtu learn recompute` — replay every member's history through the mastery model with the current
 * parameters (data/kt-params.json from `hongtu kt fit`) and store mastery rows and learning gaps, then
 * rebuild the maintained learning summaries from them. Run this after fitting new parameters or loading data.
 * Gaps follow the stage requirements in force (catalogue rules with their overrides), as on the server.
 */
import type { Command } from 'commander';
import { openStore } from '../../../graph';
import { loadConfig } from '../../config';
import { loadMasteryParams, masteryParamsPath } from '../../learning/model/params-file';
import { createLearnerServices } from '../../learning/learner-services';
import { requirementsFromRules } from '../../learning/requirements';
import { RulesEngine } from '../../rules/engine';
import { createProgressBar } from '../progress-bar';

export function register(program: Command): void {
  const learn = program.command('learn').description('Learner model maintenance: mastery and learning gaps');
  learn
    .command('recompute')
    .description("Rebuild every member's mastery from their history with the current parameters, then their gaps and the learning summaries")
    .action(async () => {
      const config = loadConfig();
      const store = await openStore(config);
      const bar = createProgressBar();
      try {
        await store.init();
        const params = loadMasteryParams(masteryParamsPath(config.dataDir));
        const learner = createLearnerServices(store, params);
        // The stage requirements in force (a university administrator's overrides applied), as the server reads them.
        learner.readRequirementsFrom(requirementsFromRules(new RulesEngine({ store })));
        const t0 = performance.now();
        const r = await learner.recomputeAll(Date.now(), bar.onProgress);
        bar.stop();
        console.log(`${r.members} members: ${r.rows} mastery rows, ${r.gaps} gaps with ${learner.model.id} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        const t1 = performance.now();
        const n = await learner.summaries.rebuild(Date.now(), (done, total) => bar.onProgress(done, total, 'summaries'));
        bar.stop();
        console.log(`learning summaries of ${n} members rebuilt in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
      } catch (e) {
        bar.stop();
        console.error(`learn recompute: ${(e as Error).message}`);
        process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
