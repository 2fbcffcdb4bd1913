import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmbedder, type EmbedderLog } from './create-embedder';
import { makeTempDir } from '../../../test/support/temp-dirs';

function captureLog(): EmbedderLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m) };
}

const fixtures = path.resolve(__dirname, '../../../test/fixtures');
const emptyModels = () => makeTempDir('hongtu-models-');

describe('createEmbedder', () => {
  it('auto falls back to the lexical embedder when the model folder is missing, saying so in one log line', async () => {
    const log = captureLog();
    const { embedder, info } = await createEmbedder({ embedder: 'auto', modelName: 'Xenova/bge-small-zh-v1.5', modelsDir: emptyModels(), modelCacheDir: emptyModels() }, log);
    expect(embedder.kind).toBe('lexical');
    expect(info).toMatchObject({ id: 'lexical-v1/2048', kind: 'lexical', dimensions: 2048 });
    expect(info.fallbackReason).toMatch(/bge-small-zh-v1\.5/);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatch(/using the offline lexical embedder lexical-v1\/2048/);
  });

  it('neural fails fast with the reason', async () => {
    const log = captureLog();
    await expect(createEmbedder({ embedder: 'neural', modelName: 'Xenova/bge-small-zh-v1.5', modelsDir: emptyModels(), modelCacheDir: emptyModels() }, log)).rejects.toThrow(
      /HONGTU_EMBEDDER=neural: .*not found locally/,
    );
  });

  it('auto uses the neural model when it loads', async () => {
    const log = captureLog();
    const { info } = await createEmbedder({ embedder: 'auto', modelName: 'tiny-bert', modelsDir: fixtures, modelCacheDir: emptyModels() }, log);
    expect(info).toEqual({ id: 'tiny-bert/q8', kind: 'neural', dimensions: 32, fallbackReason: null });
    expect(log.lines).toHaveLength(1);
  });

  it('lexical never touches the model', async () => {
    const log = captureLog();
    const { info } = await createEmbedder({ embedder: 'lexical', modelName: 'x', modelsDir: null, modelCacheDir: '/nonexistent' }, log);
    expect(info.kind).toBe('lexical');
    expect(log.lines).toEqual([]);
  });
});
