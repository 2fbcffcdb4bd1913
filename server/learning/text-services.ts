/**
 * Text intelligence in one call for the composition root (start-server / tests): the embedder chosen by
 * config, the embedding maintenance service, topic tagging and search, plus `syncEmbeddings()` which
 * brings stored vectors in step at start (a change of embedder is detected there and logged once).
 *
 *   const text = await createTextServices(config, store, log);
 *   startServer(config, { learning: { tagger: text.tagger, search: text.search, embedder: text.info } });
 *   void text.syncEmbeddings();
 */
import type { GraphStore } from '../../graph';
import type { Config } from '../config';
import { createEmbedder, type EmbedderLog } from './embed/create-embedder';
import type { EmbedderInfo } from './embed/embedder';
import { EmbeddingService, type SyncReport } from './embed/embedding-service';
import { SearchService } from './search/search';
import { TopicTagger } from './tagging/topic-tagger';

export interface TextServices {
  info: EmbedderInfo;
  embeddings: EmbeddingService;
  tagger: TopicTagger;
  search: SearchService;
  /** Re-embed what is missing or stale and ensure the vector indexes; logs a change of embedder. Never rejects. */
  syncEmbeddings(): Promise<SyncReport[] | null>;
}

/** Builds the services; rejects only when HONGTU_EMBEDDER=neural and the model cannot be loaded. */
export async function createTextServices(
  config: Pick<Config, 'embedder' | 'modelName' | 'modelsDir' | 'modelCacheDir'>,
  store: GraphStore,
  log: EmbedderLog & { error?(m: string): void },
): Promise<TextServices> {
  const { embedder, info } = await createEmbedder(config, log);
  const embeddings = new EmbeddingService(store, embedder);
  const seeds = async () => (await import('./tagging/seeds-corpus')).loadCorpusFromSeeds();
  const tagger = TopicTagger.forStore(store, embeddings, seeds);
  const search = new SearchService(store, embeddings);
  return {
    info,
    embeddings,
    tagger,
    search,
    async syncEmbeddings() {
      try {
        const reports = await embeddings.ensureSynced();
        const replaced = [...new Set(reports.flatMap((r) => r.replacedEmbedders))];
        const embedded = reports.reduce((n, r) => n + r.embedded, 0);
        if (replaced.length) log.warn(`embedder changed from ${replaced.join(', ')} to ${info.id}: re-embedded ${embedded} nodes`);
        else if (embedded) log.info(`embedded ${embedded} new or changed nodes with ${info.id}`);
        tagger.invalidate();
        return reports;
      } catch (e) {
        (log.error ?? log.warn)(`embedding sync failed: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      }
    },
  };
}
