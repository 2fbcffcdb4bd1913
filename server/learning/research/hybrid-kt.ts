/**
 * Hybrid KT: gradient-boosted trees over the dense learning-history features plus LR-KT's log-odds.
 * The LR part carries the per-skill effects (hundreds of sparse weights); the trees add the
 * interactions a linear model cannot express (recent correctness × amount of practice, repetition ×
 * last outcome, time since practice × prior success). Trained in two stages on the same rows.
 */
import type { KtDataset } from './dataset';
import { DENSE, MAX_NNZ } from './lr-features';
import { featurize, fitLrKt, lrLogit, replayPredict, type LrKtModel, type LrKtOptions } from './lr-kt';
import { fitGbdt, predictGbdt, type GbdtModel, type GbdtOptions } from '../model/gbdt';

export interface HybridKtModel {
  lr: LrKtModel;
  gbdt: GbdtModel;
}

/** Dense columns 1..DENSE-1 of the sparse row, then the LR logit. */
const NCOL = DENSE;

export function fitHybridKt(train: KtDataset, opts: { lr?: LrKtOptions; gbdt?: GbdtOptions } = {}): HybridKtModel {
  const lr = fitLrKt(train, opts.lr);
  const { idx, val, y, rows } = featurize(train, lr.K, lr.skillMean, lr.globalMean);
  // Every 10th student's rows validate the trees (early stopping); rows are contiguous per student.
  const isVal = new Uint8Array(rows);
  let r0 = 0;
  train.sequences.forEach((s, i) => {
    if (i % 10 === 9) isVal.fill(1, r0, r0 + s.skills.length);
    r0 += s.skills.length;
  });
  const nVal = isVal.reduce((a, b) => a + b, 0);
  const fitCols = Array.from({ length: NCOL }, () => new Float32Array(rows - nVal));
  const valCols = Array.from({ length: NCOL }, () => new Float32Array(nVal));
  const fitY = new Uint8Array(rows - nVal),
    valY = new Uint8Array(nVal);
  let a = 0,
    b = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * MAX_NNZ;
    const [cols, at] = isVal[r] ? [valCols, b] : [fitCols, a];
    for (let d = 0; d < DENSE - 1; d++) cols[d][at] = val[o + 1 + d];
    cols[DENSE - 1][at] = lrLogit(lr.w, idx, val, o);
    if (isVal[r]) valY[b++] = y[r];
    else fitY[a++] = y[r];
  }
  const gbdt = fitGbdt(fitCols, fitY, { ...opts.gbdt, validation: nVal > 0 ? { cols: valCols, y: valY } : undefined });
  return { lr, gbdt };
}

export function predictHybridKt(model: HybridKtModel, data: KtDataset): Float64Array {
  const row = new Float64Array(NCOL);
  return replayPredict(model.lr, data, (idx, val) => {
    for (let d = 0; d < DENSE - 1; d++) row[d] = val[1 + d];
    row[DENSE - 1] = lrLogit(model.lr.w, idx, val, 0);
    return predictGbdt(model.gbdt, (f) => row[f]);
  });
}
