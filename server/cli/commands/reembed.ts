/**
 * `hongtu reembed [--kind Topic|Course|Question]` — embed every node again with the configured embedder
 * and recreate the vector indexes with its dimension (after changing HONGTU_EMBEDDER or the model).
 */
import type { Command } from 'commander';
import { EMBEDDABLE, type EmbeddableKind } from '../../../graph';
import { createProgressBar } from '../progress-bar';
import { openTextDeps } from '../text-deps';

export function register(program: Command): void {
  program
    .command('reembed')
    .description('Rebuild all embedding vectors and vector indexes with the configured embedder')
    .option('--kind <kind>', `only this node kind (${EMBEDDABLE.join(', ')})`)
    .action(async (o: { kind?: string }) => {
      if (o.kind && !EMBEDDABLE.includes(o.kind as EmbeddableKind)) {
        console.error(`--kind must be one of ${EMBEDDABLE.join(', ')}, got "${o.kind}"`);
        process.exit(2);
      }
      const deps = await openTextDeps();
      const bar = createProgressBar();
      try {
        const reports = await deps.embeddings!.sync({ force: true, onProgress: bar.onProgress, kinds: o.kind ? [o.kind as EmbeddableKind] : undefined });
        bar.stop();
        for (const r of reports) {
          const was = r.replacedEmbedders.length ? ` (replacing ${r.replacedEmbedders.join(', ')})` : '';
          console.log(`${r.kind}: ${r.embedded}/${r.total} embedded with ${deps.info.id}${was}; vector index ${deps.info.dimensions} dims`);
        }
      } catch (e) {
        bar.stop();
        console.error(`reembed: ${(e as Error).message}`);
        process.exitCode = 1;
      } finally {
        await deps.close();
      }
    });
}
