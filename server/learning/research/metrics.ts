/** Metrics for binary predictions: AUC (rank-based, ties averaged), RMSE, accuracy at 0.5. */
export interface KtMetrics {
  auc: number;
  rmse: number;
  accuracy: number;
  n: number;
}

export function computeMetrics(pred: Float64Array | number[], truth: Uint8Array | number[]): KtMetrics {
  const n = pred.length;
  if (n !== truth.length) throw new Error('pred and truth differ in length');
  let se = 0;
  let hits = 0;
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const d = pred[i] - truth[i];
    se += d * d;
    if ((pred[i] >= 0.5 ? 1 : 0) === truth[i]) hits++;
    pos += truth[i];
  }
  return { auc: auc(pred, truth, pos), rmse: Math.sqrt(se / Math.max(1, n)), accuracy: hits / Math.max(1, n), n };
}

function auc(pred: ArrayLike<number>, truth: ArrayLike<number>, pos: number): number {
  const n = pred.length;
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => pred[a] - pred[b]);
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && pred[order[j + 1]] === pred[order[i]]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (truth[order[k]] === 1) rankSum += avgRank;
    i = j + 1;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
