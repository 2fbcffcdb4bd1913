/**
 * `hongtu kt evaluate --format lines` on the public development data (ASSISTments 2009 "updated",
 * the DKVMN split) from the folder HONGTU_KT_DEV_DIR names (CI sets it to its development copy). The data
 * is read in place, never copied; without it the suite shows as skipped. The product's learner model must be the best model or within 0.005 AUC of the
 * best, over all responses and without adjacent multi-skill copies.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from './evaluate';

const DIR = process.env.HONGTU_KT_DEV_DIR ? path.resolve(process.env.HONGTU_KT_DEV_DIR) : '';
const TRAIN = path.join(DIR, 'assist2009_updated_train.csv');
const TEST = path.join(DIR, 'assist2009_updated_test.csv');
const present = DIR !== '' && existsSync(TRAIN) && existsSync(TEST);

describe.skipIf(!present)(`kt evaluate on ASSISTments 2009 (needs HONGTU_KT_DEV_DIR${DIR ? ` = ${DIR}` : ''}; skipped when absent)`, () => {
  it('puts the product model within 0.005 AUC of the best, with and without multi-skill copies', () => {
    const ev = evaluateFiles(TRAIN, TEST, 'lines');
    expect(ev.train.students).toBe(2921);
    expect(ev.test.responses).toBe(101419);
    expect(ev.test.firstCopies).toBeLessThan(ev.test.responses);
    const product = ev.results.find((r) => r.model === 'learner-model')!;
    const best = Math.max(...ev.results.map((r) => r.auc));
    const bestDedup = Math.max(...ev.results.map((r) => r.dedup.auc));
    expect(product.auc).toBeGreaterThan(best - 0.005);
    expect(product.dedup.auc).toBeGreaterThan(bestDedup - 0.005);
    expect(product.auc).toBeGreaterThan(0.78);
  }, 300_000);
});
