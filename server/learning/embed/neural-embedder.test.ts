/**
 * The neural path end to end through @huggingface/transformers and onnxruntime, on the tiny BERT-shaped
 * fixture in test/fixtures/tiny-bert (random weights, made by scripts/make-onnx-fixture.mjs).
 * These tests check MECHANICS — local loading with remote downloads off, tokenisation, batching with
 * padding, CLS pooling, normalisation, dimensions and caching — NOT MEANING: random weights rank nothing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dot } from './embedder';
import { NeuralEmbedder, neuralLoadCount } from './neural-embedder';

const fixtures = path.resolve(__dirname, '../../../test/fixtures');
const opts = { modelName: 'tiny-bert', modelsDir: fixtures, cacheDir: path.join(fixtures, '.no-cache'), progress: false };

describe('NeuralEmbedder on the tiny fixture (mechanics, not meaning)', () => {
  it('loads from a local folder with remote downloads off and reports the hidden size', async () => {
    const e = await NeuralEmbedder.load(opts);
    expect(e.id).toBe('tiny-bert/q8');
    expect(e.kind).toBe('neural');
    expect(e.dimensions).toBe(32);
  });

  it('returns one normalised CLS vector per text, independent of batch and padding', async () => {
    const texts = ['党章规定了党员的权利和义务', '三会一课', '遵义会议是党的历史上生死攸关的转折点，挽救了党和红军'];
    const batched = await (await NeuralEmbedder.load({ ...opts, batchSize: 8 })).embed(texts);
    const single = await (await NeuralEmbedder.load({ ...opts, batchSize: 1 })).embed(texts);
    expect(batched).toHaveLength(3);
    for (let i = 0; i < texts.length; i++) {
      expect(batched[i]).toHaveLength(32);
      expect(Math.sqrt(dot(batched[i], batched[i]))).toBeCloseTo(1, 4);
      // Padding the short texts to the long one's length must not change their [CLS] vector.
      expect(dot(batched[i], single[i])).toBeCloseTo(1, 4);
    }
    // Different texts give different vectors (the CLS token sees the whole text).
    expect(dot(batched[0], batched[1])).toBeLessThan(0.9999);
  });

  it('loads the model once per process and answers repeated texts from its cache', async () => {
    const before = neuralLoadCount();
    const e = await NeuralEmbedder.load(opts);
    expect(neuralLoadCount()).toBe(before);
    const [a] = await e.embed(['党费交纳标准']);
    const [a2, b] = await e.embed(['党费交纳标准', '组织关系转接']);
    expect(e.stats).toEqual({ inferred: 2, cached: 1 });
    expect(Array.from(a2)).toEqual(Array.from(a));
    expect(b).toHaveLength(32);
  });

  it('rejects with the missing path when the model folder is absent', async () => {
    await expect(NeuralEmbedder.load({ ...opts, modelName: 'no-such-model' })).rejects.toThrow(/no-such-model/);
  });
});
