/**
 * Picks the embedder from config (HONGTU_EMBEDDER):
 * - `lexical`: the offline lexical-semantic embedder, always available.
 * - `neural`: the neural model or nothing — a load failure rejects with the reason (fail fast at start).
 * - `auto`: the neural model when it loads, else the lexical embedder, said once in the log and kept
 *   as `fallbackReason` for readiness.
 */
import type { Config } from '../../config';
import type { Embedder, EmbedderInfo } from './embedder';
import { LexicalEmbedder } from './lexical-embedder';

export interface CreatedEmbedder {
  embedder: Embedder;
  info: EmbedderInfo;
}

/** Where the one line about the choice goes; console by default. */
export interface EmbedderLog {
  info(message: string): void;
  warn(message: string): void;
}

const consoleLog: EmbedderLog = { info: (m) => console.error(m), warn: (m) => console.error(m) };

function describe(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0].slice(0, 300);
}

/** Builds the configured embedder; rejects only for `neural` when the model cannot be loaded. */
export async function createEmbedder(config: Pick<Config, 'embedder' | 'modelName' | 'modelsDir' | 'modelCacheDir'>, log: EmbedderLog = consoleLog): Promise<CreatedEmbedder> {
  const info = (embedder: Embedder, fallbackReason: string | null): CreatedEmbedder => ({
    embedder,
    info: { id: embedder.id, kind: embedder.kind, dimensions: embedder.dimensions, fallbackReason },
  });
  if (config.embedder === 'lexical') return info(new LexicalEmbedder(), null);

  const where = config.modelsDir ? `from ${config.modelsDir}` : `(download cache ${config.modelCacheDir})`;
  try {
    // Imported lazily: the lexical path never loads onnxruntime.
    const { NeuralEmbedder } = await import('./neural-embedder');
    const neural = await NeuralEmbedder.load({
      modelName: config.modelName,
      modelsDir: config.modelsDir,
      cacheDir: config.modelCacheDir,
    });
    log.info(`embedder: ${neural.id} (${neural.dimensions} dims) ${where}`);
    return info(neural, null);
  } catch (e) {
    const reason = `neural model ${config.modelName} could not be loaded ${where}: ${describe(e)}`;
    if (config.embedder === 'neural') throw new Error(`HONGTU_EMBEDDER=neural: ${reason}`);
    const lexical = new LexicalEmbedder();
    log.warn(`embedder: ${reason}; using the offline lexical embedder ${lexical.id} instead (HONGTU_EMBEDDER=auto)`);
    return info(lexical, reason);
  }
}
