/**
 * The recommendation simulation on generated worlds (research code: the simulator reads truth/, the
 * policies do not): `npx tsx scripts/eval-simulation.ts [--members N] [--policies a,b] [--seeds 1,2] DIR...`
 * Prints one row per world, seed and policy: members simulated, mean hidden gain on required topics and on
 * all subtopics (sd over members), required targets met before → after, and hidden-readiness violations.
 */
import { POLICIES, type PolicyName } from '../server/learning/simulate/policies';
import { runRecommendationSimulation } from '../server/learning/simulate/run-simulation';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dirs = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  const memberLimit = arg('--members') ? Number(arg('--members')) : undefined;
  const policies = (arg('--policies')?.split(',') ?? [...POLICIES]) as PolicyName[];
  const seeds = (arg('--seeds') ?? '1').split(',').map(Number);
  const f = (x: number) => x.toFixed(3);
  for (const dir of dirs) {
    for (const seed of seeds) {
      const rows = await runRecommendationSimulation({ dir, memberLimit, weeks: 8, minutesPerWeek: 60, policies, seed });
      for (const r of rows) {
        console.log(
          `${dir}\tseed ${seed}\t${r.policy}\tn ${r.members}\trequired ${f(r.gainRequired)} (${f(r.gainRequiredSd)})\tall ${f(r.gainAll)} (${f(r.gainAllSd)})` +
            `\tmet ${(r.targetsMetBefore * 100).toFixed(1)}% → ${(r.targetsMetAfter * 100).toFixed(1)}%\tviolations ${(r.prereqViolationRate * 100).toFixed(1)}%\tstudies ${r.studiesPerMember.toFixed(1)}`,
        );
      }
    }
  }
}

void main();
