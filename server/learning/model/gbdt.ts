/**
 * A small histogram gradient-boosted tree learner for binary log-loss (the LightGBM/XGBoost "hist"
 * idea without the engineering): features are quantised once into ≤ 64 bins, each tree grows depth-wise
 * from per-node gradient/hessian histograms, and each round uses a row subsample. Enough for a few
 * dozen dense features and ~10⁶ rows in seconds.
 */
export interface GbdtOptions {
  rounds?: number;
  depth?: number;
  learningRate?: number;
  lambda?: number;
  minHessian?: number;
  subsample?: number;
  bins?: number;
  seed?: number;
  /** Early stopping: held-out rows (column-major, same features); training stops after `patience`
   *  rounds without improving their log-loss and keeps the best number of trees (possibly none). */
  validation?: { cols: Float32Array[]; y: Uint8Array; patience?: number };
}

interface Node {
  feature: number;
  bin: number;
  left: number;
  right: number;
  value: number;
}
export interface GbdtModel {
  cuts: Float64Array[];
  trees: Node[][];
  base: number;
  learningRate: number;
}

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
  let lo = 0,
    hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x > cuts[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Train on column-major features `cols[f][row]` and 0/1 labels. */
export function fitGbdt(cols: Float32Array[], y: Uint8Array, opts: GbdtOptions = {}): GbdtModel {
  const { rounds = 50, depth = 5, learningRate = 0.15, lambda = 1, minHessian = 20, subsample = 0.35, seed = 11 } = opts;
  const n = y.length,
    D = cols.length;
  const cuts = cols.map((c) => quantileCuts(c, opts.bins ?? BINS, 50_000));
  const binned = cols.map((c, f) => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = binOf(cuts[f], c[i]);
    return b;
  });
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean = Math.min(0.999, Math.max(0.001, mean / n));
  const base = Math.log(mean / (1 - mean));
  const score = new Float64Array(n).fill(base);
  const grad = new Float64Array(n),
    hess = new Float64Array(n);
  const nodeOf = new Int32Array(n);
  let s = seed >>> 0;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const trees: Node[][] = [];
  const nb = (opts.bins ?? BINS) + 1;
  const rowsBuf = new Int32Array(n);
  const val = opts.validation;
  const valScore = val ? new Float64Array(val.y.length).fill(base) : null;
  let bestLoss = val ? logLoss(valScore!, val.y) : 0;
  let bestRounds = 0;
  for (let r = 0; r < rounds; r++) {
    let nr = 0;
    let g0 = 0,
      h0 = 0;
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-score[i]));
      grad[i] = p - y[i];
      hess[i] = p * (1 - p);
      if (rand() < subsample) {
        rowsBuf[nr++] = i;
        nodeOf[i] = 0;
        g0 += grad[i];
        h0 += hess[i];
      }
    }
    const rows = rowsBuf.subarray(0, nr);
    const tree: Node[] = [{ feature: -1, bin: 0, left: -1, right: -1, value: 0 }];
    const maxNodes = 2 ** (depth + 1);
    const sumG = new Float64Array(maxNodes),
      sumH = new Float64Array(maxNodes);
    sumG[0] = g0;
    sumH[0] = h0;
    const slotOf = new Int32Array(maxNodes).fill(-1);
    let frontier = [0];
    for (let d = 0; d < depth && frontier.length; d++) {
      frontier.forEach((id, k) => {
        slotOf[id] = k;
      });
      const G = new Float64Array(frontier.length * D * nb),
        H = new Float64Array(frontier.length * D * nb);
      for (let q = 0; q < nr; q++) {
        const i = rows[q];
        const k = slotOf[nodeOf[i]];
        if (k < 0) continue;
        const base0 = k * D * nb,
          g = grad[i],
          h = hess[i];
        for (let f = 0; f < D; f++) {
          const o = base0 + f * nb + binned[f][i];
          G[o] += g;
          H[o] += h;
        }
      }
      const next: number[] = [];
      for (let k = 0; k < frontier.length; k++) {
        const id = frontier[k];
        slotOf[id] = -1;
        const tg = sumG[id],
          th = sumH[id];
        const parent = (tg * tg) / (th + lambda);
        let best = 0,
          bf = -1,
          bb = 0,
          blg = 0,
          blh = 0;
        for (let f = 0; f < D; f++) {
          let gl = 0,
            hl = 0;
          const o = k * D * nb + f * nb;
          for (let b = 0; b < nb - 1; b++) {
            gl += G[o + b];
            hl += H[o + b];
            const gr = tg - gl,
              hr = th - hl;
            if (hl < minHessian || hr < minHessian) continue;
            const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
            if (gain > best) {
              best = gain;
              bf = f;
              bb = b;
              blg = gl;
              blh = hl;
            }
          }
        }
        if (bf < 0) continue;
        const L = tree.length,
          R = L + 1;
        tree.push({ feature: -1, bin: 0, left: -1, right: -1, value: 0 }, { feature: -1, bin: 0, left: -1, right: -1, value: 0 });
        Object.assign(tree[id], { feature: bf, bin: bb, left: L, right: R });
        sumG[L] = blg;
        sumH[L] = blh;
        sumG[R] = tg - blg;
        sumH[R] = th - blh;
        next.push(L, R);
      }
      for (let q = 0; q < nr; q++) {
        const i = rows[q];
        const nd = tree[nodeOf[i]];
        if (nd.feature >= 0) nodeOf[i] = binned[nd.feature][i] <= nd.bin ? nd.left : nd.right;
      }
      frontier = next;
    }
    for (let id = 0; id < tree.length; id++) {
      if (tree[id].feature >= 0) continue;
      tree[id].value = (-sumG[id] / (sumH[id] + lambda)) * learningRate;
    }
    for (let i = 0; i < n; i++) {
      let id = 0;
      while (tree[id].feature >= 0) {
        const nd = tree[id];
        id = binned[nd.feature][i] <= nd.bin ? nd.left : nd.right;
      }
      score[i] += tree[id].value;
    }
    trees.push(tree);
    if (val && valScore) {
      for (let i = 0; i < val.y.length; i++) valScore[i] += leafValue(tree, cuts, (f) => val.cols[f][i]);
      const loss = logLoss(valScore, val.y);
      if (loss < bestLoss - 1e-6) {
        bestLoss = loss;
        bestRounds = trees.length;
      } else if (trees.length - bestRounds >= (val.patience ?? 8)) break;
    }
  }
  if (val) trees.length = bestRounds;
  return { cuts, trees, base, learningRate };
}

function logLoss(score: Float64Array, y: Uint8Array): number {
  let l = 0;
  for (let i = 0; i < y.length; i++) {
    const p = Math.min(1 - 1e-9, Math.max(1e-9, 1 / (1 + Math.exp(-score[i]))));
    l -= y[i] ? Math.log(p) : Math.log(1 - p);
  }
  return l / Math.max(1, y.length);
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
