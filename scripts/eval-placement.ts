/**
 * The placement quiz on generated worlds against the hidden truth (research code, reads truth/):
 * `npx tsx scripts/eval-placement.ts [--members all|test|dev] [--seeds 1,2,3] [--set key=value ...] DIR...`
 * For each world directory (written by `hongtu seed --out DIR`) and each quiz seed: Pearson r over every
 * member × subtopic pair of the adaptive quiz (≤ 20 questions), a random 20-question quiz through the
 * same belief, and the product's estimate after the member's whole history. `--members dev` / `test`
 * keep the members whose number is not / is a multiple of 5 (settings were chosen on dev members of one
 * world; figures are reported on the others).
 */
import { REFERENCE_DATE } from '../seeds/generator/scales';
import { requiredTopicIds } from '../server/learning/research/world-eval';
import { evaluatePlacement } from '../server/learning/research/placement-eval';
import { createProductModel } from '../server/learning/model/product-model';
import { readSimWorld } from '../server/learning/simulate/sim-world';
import { isTestMember } from '../server/learning/research/world-eval';
import type { PlacementSettings } from '../server/learning/diagnostic/placement';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dirs: string[] = [];
  const settings: Partial<PlacementSettings> = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--set') {
      const [k, v] = args[++i].split('=');
      (settings as Record<string, number>)[k] = Number(v);
      continue;
    }
    if (args[i].startsWith('--')) {
      i++;
      continue;
    }
    dirs.push(args[i]);
  }
  const which = arg('--members') ?? 'all';
  const seeds = (arg('--seeds') ?? '1').split(',').map(Number);
  const rows: { world: string; seed: number; members: number; pairs: number; adaptive: number; questions: number; random: number; history: number }[] = [];
  for (const dir of dirs) {
    const world = await readSimWorld(dir, { referenceDate: REFERENCE_DATE });
    const members = world.members.filter((m) => which === 'all' || (which === 'test') === isTestMember(m.id));
    const model = createProductModel(null, requiredTopicIds());
    for (const seed of seeds) {
      const ev = evaluatePlacement(world, model, members, seed, settings);
      rows.push({
        world: dir,
        seed,
        members: ev.members,
        pairs: ev.pairs,
        adaptive: ev.adaptive.r,
        questions: ev.adaptive.meanQuestions,
        random: ev.random.r,
        history: ev.history.r,
      });
      const r = rows[rows.length - 1];
      console.log(
        `${dir} seed ${seed}: ${r.members} members, ${r.pairs} pairs; r adaptive ${r.adaptive.toFixed(3)} (${r.questions.toFixed(1)} q) · random 20 ${r.random.toFixed(3)} · history ${r.history.toFixed(3)} · diff ${(r.adaptive - r.random).toFixed(3)}`,
      );
    }
  }
  const diffs = rows.map((r) => r.adaptive - r.random);
  const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
  const sd = (x: number[]) => Math.sqrt(mean(x.map((v) => (v - mean(x)) ** 2)));
  console.log(
    `runs ${rows.length}: adaptive ${mean(rows.map((r) => r.adaptive)).toFixed(3)} (sd ${sd(rows.map((r) => r.adaptive)).toFixed(3)}), random ${mean(rows.map((r) => r.random)).toFixed(3)} (sd ${sd(rows.map((r) => r.random)).toFixed(3)}), history ${mean(rows.map((r) => r.history)).toFixed(3)}; adaptive − random ${mean(diffs).toFixed(3)} (min ${Math.min(...diffs).toFixed(3)}, max ${Math.max(...diffs).toFixed(3)}); ${JSON.stringify(settings)}`,
  );
}

void main();
