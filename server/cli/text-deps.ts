/**
 * What the text commands (`tag`, `reembed`) need: config, the store, the embedder, and the services
 * built on them — the CLI's small composition root for text intelligence.
 */
import fs from 'node:fs';
import { loadConfig, type Config } from '../config';
import { openStore } from '../../graph';
import type { GraphStore } from '../../graph';
import { createEmbedder } from '../learning/embed/create-embedder';
import type { EmbedderInfo } from '../learning/embed/embedder';
import { EmbeddingService } from '../learning/embed/embedding-service';
import { TopicTagger } from '../learning/tagging/topic-tagger';

export interface TextDeps {
  config: Readonly<Config>;
  /** null when no store exists yet (fresh clone) and the command may run on the curriculum alone. */
  store: GraphStore | null;
  info: EmbedderInfo;
  tagger: TopicTagger;
  embeddings: EmbeddingService | null;
  close(): Promise<void>;
}

const stderrLog = { info: (m: string) => console.error(m), warn: (m: string) => console.error(m) };

/**
 * Opens the store and the configured embedder. A `readOnly` command writes nothing to the store (stored
 * vectors are reused, missing ones embedded in memory) and goes on without a store when none has been
 * created yet (fresh clone) or it cannot be opened (e.g. a running server holds the embedded database),
 * saying so on stderr. Messages go to stderr, so stdout stays machine-readable.
 */
export async function openTextDeps(opts: { readOnly?: boolean } = {}): Promise<TextDeps> {
  const config = loadConfig();
  const { embedder, info } = await createEmbedder(config, stderrLog);
  let store: GraphStore | null = null;
  if (!opts.readOnly || config.neo4j || fs.existsSync(config.dataDir)) {
    try {
      store = await openStore(config);
      await store.init();
    } catch (e) {
      if (!opts.readOnly) throw e;
      await store?.close().catch(() => {});
      store = null;
      stderrLog.warn(`store not available (${e instanceof Error ? e.message : String(e)}); using the curriculum in seeds/curriculum`);
    }
  }
  // Loaded only when needed: the curriculum files are large and most commands never read them.
  const seeds = async () => (await import('../learning/tagging/seeds-corpus')).loadCorpusFromSeeds();
  const embeddings = store ? new EmbeddingService(store, embedder, { readOnly: opts.readOnly }) : null;
  const tagger = store && embeddings ? TopicTagger.forStore(store, embeddings, seeds) : new TopicTagger(embedder, seeds);
  return {
    config,
    store,
    info,
    tagger,
    embeddings,
    close: async () => {
      await store?.close();
    },
  };
}
