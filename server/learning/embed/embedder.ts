/**
 * The contract between text intelligence (tagging, search, embedding maintenance) and the two
 * embedders: a neural sentence model and an offline lexical-semantic one. Vectors are always
 * L2-normalised, so cosine similarity is a plain dot product.
 */

/** Which implementation produced a vector. */
export type EmbedderKind = 'neural' | 'lexical';

export interface Embedder {
  /** Stable id stored next to every vector, e.g. `lexical-v1/2048` or `Xenova/bge-small-zh-v1.5/q8`. A new id means re-embed. */
  readonly id: string;
  readonly kind: EmbedderKind;
  /** Length of every vector this embedder returns; the vector indexes are created with it. */
  readonly dimensions: number;
  /** One unit-length vector per text, in order. Batches internally; an empty array gives an empty array. */
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** What readiness reports about the embedder in use. */
export interface EmbedderInfo {
  id: string;
  kind: EmbedderKind;
  dimensions: number;
  /** Why `auto` fell back to the lexical embedder; null when it did not. */
  fallbackReason: string | null;
}

/** Dot product of two vectors of the same length (= cosine similarity for unit vectors). */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Scales a vector to unit length in place (a zero vector stays zero) and returns it. */
export function normalize<T extends { length: number; [i: number]: number }>(v: T): T {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < v.length; i++) v[i] *= inv;
  }
  return v;
}

/** Unit-length mean of vectors (a centroid for cosine ranking); `weights` default to 1. */
export function centroid(vectors: ArrayLike<number>[], dimensions: number, weights?: number[]): Float32Array {
  const c = new Float32Array(dimensions);
  vectors.forEach((v, k) => {
    const w = weights?.[k] ?? 1;
    for (let i = 0; i < dimensions; i++) c[i] += w * v[i];
  });
  return normalize(c);
}
