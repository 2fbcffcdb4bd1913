/**
 * The neural embedder: a BERT sentence model (default Xenova/bge-small-zh-v1.5, 8-bit weights) through
 * @huggingface/transformers' feature-extraction pipeline with CLS pooling and L2 normalisation, as the
 * BGE authors recommend. The only file that imports @huggingface/transformers.
 *
 * Two ways to get the weights:
 * - `modelsDir` set (HONGTU_MODELS_DIR): load `<modelsDir>/<modelName>/` with remote downloads off, for
 *   campus networks without internet (copy the folder there from a machine that has one).
 * - otherwise: download on first use into `cacheDir` (HONGTU_MODEL_CACHE) with a progress bar on stderr,
 *   and use the cached copy from then on.
 */
import { env, pipeline, type FeatureExtractionPipeline, type ProgressInfo } from '@huggingface/transformers';
import cliProgress from 'cli-progress';
import type { Embedder } from './embedder';

export interface NeuralOptions {
  modelName: string;
  /** Folder holding `<modelName>/` with config, tokenizer and `onnx/model_quantized.onnx`; remote off when set. */
  modelsDir: string | null;
  /** Download cache used when modelsDir is null. */
  cacheDir: string;
  /** Texts per forward pass. */
  batchSize?: number;
  /** Show a download progress bar on stderr (default: when stderr is a terminal). */
  progress?: boolean;
}

const DTYPE = 'q8';
/** Recently embedded texts kept in memory: retagging and search embed the same short texts again and again. */
const CACHE_LIMIT = 5000;
/** A download must start answering within this time, else the host is taken as unreachable. */
const CONNECT_TIMEOUT_MS = 20_000;

/** Loaded pipelines by model location, so a second embedder for the same model costs nothing. */
const pipelines = new Map<string, Promise<FeatureExtractionPipeline>>();
let loads = 0;

/** How many times a model was actually loaded from disk or network in this process (tests check caching). */
export function neuralLoadCount(): number {
  return loads;
}

/** fetch that gives up when no response headers arrive in time (the body may then take as long as it needs). */
function fetchWithConnectTimeout(input: string | URL, init?: RequestInit): Promise<Response> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(new Error(`no answer from ${String(input)} within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, ctl.signal]) : ctl.signal;
  return fetch(input, { ...init, signal }).finally(() => clearTimeout(timer));
}

function progressBar(enabled: boolean, label: string): (p: ProgressInfo) => void {
  let bar: cliProgress.SingleBar | null = null;
  return (p) => {
    if (!enabled || p.status !== 'progress_total') return;
    if (!bar) {
      bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} MB`, stream: process.stderr }, cliProgress.Presets.shades_classic);
      bar.start(Math.max(1, Math.round(p.total / 1e6)), 0);
    }
    bar.update(Math.round(p.loaded / 1e6));
    if (p.loaded >= p.total) {
      bar.stop();
      bar = null;
    }
  };
}

function loadPipeline(opts: NeuralOptions): Promise<FeatureExtractionPipeline> {
  const key = `${opts.modelsDir ?? opts.cacheDir}|${opts.modelName}`;
  let p = pipelines.get(key);
  if (!p) {
    // env is global to the library; this file is its only user, and it sets it right before each load.
    env.allowLocalModels = opts.modelsDir !== null;
    env.allowRemoteModels = opts.modelsDir === null;
    if (opts.modelsDir) env.localModelPath = opts.modelsDir;
    env.cacheDir = opts.cacheDir;
    env.useFSCache = true;
    env.fetch = fetchWithConnectTimeout;
    loads++;
    p = pipeline('feature-extraction', opts.modelName, {
      dtype: DTYPE,
      device: 'cpu',
      progress_callback: progressBar(opts.progress ?? Boolean(process.stderr.isTTY), `downloading ${opts.modelName}`),
    }) as Promise<FeatureExtractionPipeline>;
    pipelines.set(key, p);
    p.catch(() => pipelines.delete(key));
  }
  return p;
}

export class NeuralEmbedder implements Embedder {
  readonly kind = 'neural' as const;
  readonly id: string;
  readonly dimensions: number;
  /** Texts embedded by the model vs answered from the in-memory cache (for tests and the bench). */
  readonly stats = { inferred: 0, cached: 0 };
  private readonly cache = new Map<string, Float32Array>();

  private constructor(
    private readonly extractor: FeatureExtractionPipeline,
    modelName: string,
    dimensions: number,
    private readonly batchSize: number,
  ) {
    this.id = `${modelName}/${DTYPE}`;
    this.dimensions = dimensions;
  }

  /** Loads the model (downloading it when allowed) and probes its dimension; rejects with the reason it could not. */
  static async load(opts: NeuralOptions): Promise<NeuralEmbedder> {
    const extractor = await loadPipeline(opts);
    const probe = await extractor(['测试'], { pooling: 'cls', normalize: true });
    return new NeuralEmbedder(extractor, opts.modelName, probe.dims[1] as number, opts.batchSize ?? 16);
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = new Array(texts.length);
    const todo: number[] = [];
    texts.forEach((t, i) => {
      const hit = this.cache.get(t);
      if (hit) {
        out[i] = hit;
        this.stats.cached++;
      } else todo.push(i);
    });
    for (let s = 0; s < todo.length; s += this.batchSize) {
      const idx = todo.slice(s, s + this.batchSize);
      const batch = idx.map((i) => texts[i]);
      const result = await this.extractor(batch, { pooling: 'cls', normalize: true });
      const data = result.data as Float32Array;
      idx.forEach((i, k) => {
        const v = data.slice(k * this.dimensions, (k + 1) * this.dimensions);
        out[i] = v;
        this.remember(texts[i], v);
      });
      this.stats.inferred += idx.length;
    }
    return out;
  }

  private remember(text: string, v: Float32Array): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(text, v);
  }
}
