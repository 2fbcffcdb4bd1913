/**
 * A small histogram gradient-boosted tree learner for binary log-loss (the LightGBM/XGBoost "hist"
 * idea without the engineering): features are quantised once into ≤ 64 bins, each tree grows depth-wise
 * from per-node gradient/hessian histograms, and each round uses a row subsample. Enough for a few
 * dozen dense features and ~10⁶ rows in seconds.
 */
export interface GbdtOptions {
  rounds?: number; depth?: number; learningRate?: number; lambda?: number;
  minHessian?: number; subsample?: number; bins?: number; seed?: number;
}

interface Node { feature: number; bin: number; left: number; right: number; value: number }
export interface GbdtModel { cuts: Float64Array[]; trees: Node[][]; base: number; learningRate: number }

const BINS = 64;

function quantileCuts(col: Float32Array, bins: number, sample: number): Float64Array {
  const step = Math.max(1, Math.floor(col.length / sample));
  const vals: number[] = [];
  for (let i = 0; i < col.length; i += step) vals.push(col[i]);
  vals.sort((a, b) => a - b);
  const cuts: number[] = [];
  for (let b = 1; b < bins; b++) {
    const v = vals[Math.floor((b * vals.length) / bins)];
    if (v !== undefined && (cuts.length === 0 || v > cuts[cuts.length - 1])) cuts.push(v);
  }
  return Float64Array.from(cuts);
}

function binOf(cuts: Float64Array, x: number): number {
  let lo = 0, hi = cuts.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (x > cuts[mid]) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Train on column-major features `cols[f][row]` and 0/1 labels. */
export function fitGbdt(cols: Float32Array[], y: Uint8Array, opts: GbdtOptions = {}): GbdtModel {
  const { rounds = 80, depth = 5, learningRate = 0.1, lambda = 1, minHessian = 20, subsample = 0.5, seed = 11 } = opts;
  const n = y.length, D = cols.length;
  const cuts = cols.map((c) => quantileCuts(c, opts.bins ?? BINS, 50_000));
  const binned = cols.map((c, f) => { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = binOf(cuts[f], c[i]); return b; });
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean = Math.min(0.999, Math.max(0.001, mean / n));
  const base = Math.log(mean / (1 - mean));
  const score = new Float64Array(n).fill(base);
  const grad = new Float64Array(n), hess = new Float64Array(n);
  const nodeOf = new Int32Array(n);
  let s = seed >>> 0;
  const rand = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
  const trees: Node[][] = [];
  const nb = (opts.bins ?? BINS) + 1;
  for (let r = 0; r < rounds; r++) {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-score[i]));
      grad[i] = p - y[i]; hess[i] = p * (1 - p);
      if (rand() < subsample) { rows.push(i); nodeOf[i] = 0; }
    }
    const tree: Node[] = [{ feature: -1, bin: 0, left: -1, right: -1, value: 0 }];
    let frontier = [0];
    const sums = new Map<number, { g: number; h: number }>([[0, rows.reduce((a, i) => ({ g: a.g + grad[i], h: a.h + hess[i] }), { g: 0, h: 0 })]]);
    for (let d = 0; d < depth && frontier.length; d++) {
      const slot = new Map(frontier.map((id, k) => [id, k]));
      const G = new Float64Array(frontier.length * D * nb), H = new Float64Array(frontier.length * D * nb);
      for (const i of rows) {
        const k = slot.get(nodeOf[i]);
        if (k === undefined) continue;
        const base0 = k * D * nb, g = grad[i], h = hess[i];
        for (let f = 0; f < D; f++) { const o = base0 + f * nb + binned[f][i]; G[o] += g; H[o] += h; }
      }
      const next: number[] = [];
      const split = new Map<number, { feature: number; bin: number }>();
      for (const [id, k] of slot) {
        const tot = sums.get(id)!;
        const parent = (tot.g * tot.g) / (tot.h + lambda);
        let best = 0, bf = -1, bb = 0, bl = { g: 0, h: 0 };
        for (let f = 0; f < D; f++) {
          let gl = 0, hl = 0;
          const o = k * D * nb + f * nb;
          for (let b = 0; b < nb - 1; b++) {
            gl += G[o + b]; hl += H[o + b];
            const gr = tot.g - gl, hr = tot.h - hl;
            if (hl < minHessian || hr < minHessian) continue;
            const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
            if (gain > best) { best = gain; bf = f; bb = b; bl = { g: gl, h: hl }; }
          }
        }
        if (bf < 0) continue;
        const L = tree.length, R = L + 1;
        tree.push({ feature: -1, bin: 0, left: -1, right: -1, value: 0 }, { feature: -1, bin: 0, left: -1, right: -1, value: 0 });
        Object.assign(tree[id], { feature: bf, bin: bb, left: L, right: R });
        sums.set(L, bl); sums.set(R, { g: tot.g - bl.g, h: tot.h - bl.h });
        split.set(id, { feature: bf, bin: bb });
        next.push(L, R);
      }
      for (const i of rows) {
        const sp = split.get(nodeOf[i]);
        if (sp) nodeOf[i] = binned[sp.feature][i] <= sp.bin ? tree[nodeOf[i]].left : tree[nodeOf[i]].right;
      }
      frontier = next;
    }
    for (let id = 0; id < tree.length; id++) {
      if (tree[id].feature >= 0) continue;
      const t = sums.get(id) ?? { g: 0, h: 0 };
      tree[id].value = (-t.g / (t.h + lambda)) * learningRate;
    }
    for (let i = 0; i < n; i++) score[i] += leafValue(tree, cuts, (f) => cols[f][i]);
    trees.push(tree);
  }
  return { cuts, trees, base, learningRate };
}

function leafValue(tree: Node[], cuts: Float64Array[], x: (f: number) => number): number {
  let id = 0;
  while (tree[id].feature >= 0) {
    const nd = tree[id];
    id = binOf(cuts[nd.feature], x(nd.feature)) <= nd.bin ? nd.left : nd.right;
  }
  return tree[id].value;
}

/** Log-odds for one row given as a feature accessor. */
export function predictGbdt(model: GbdtModel, x: (f: number) => number): number {
  let z = model.base;
  for (const t of model.trees) z += leafValue(t, model.cuts, x);
  return z;
}
