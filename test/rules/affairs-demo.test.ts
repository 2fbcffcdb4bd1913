/**
 * The generated demo world carries party affairs that show every warning at least once in the demo
 * branch: a late talk, a missing half-yearly review, a late committee approval, dues three and six
 * months unpaid, a transfer receipt overdue, and unread notices; generation is deterministic.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../graph';
import { RulesEngine } from '../../server/rules/engine';
import type { Obligation } from '../../server/rules/types';
import { generateWorld, REFERENCE_DATE } from '../../seeds/generator/index';
import { useOrgStore } from '../support/org-store';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'hongtu-affairs-demo-'));
const org = useOrgStore({ org: false });
let store: GraphStore;
let obligations: Obligation[];

beforeAll(async () => {
  store = org.store;
  const { dir } = await generateWorld({ scale: 'demo', outDir: path.join(tmp, 'a'), reuse: false });
  await store.bulkLoad(dir);
  const engine = new RulesEngine({ store, loadOverrides: async () => [] });
  obligations = await engine.evaluate({ kind: 'BRANCH', id: 'b-1' }, REFERENCE_DATE);
}, 300_000);
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const some = (ruleId: string, pred: (o: Obligation) => boolean) => obligations.some((o) => o.ruleId === ruleId && pred(o));

describe('demo world party affairs', () => {
  it('shows each warning at least once in the demo branch', () => {
    expect(some('pipeline.talk.within-month', (o) => o.title.includes('逾期') || o.status === 'OVERDUE')).toBe(true);
    expect(some('pipeline.review.half-yearly', (o) => o.status === 'OVERDUE')).toBe(true);
    expect(some('pipeline.committee-approval', (o) => o.title.includes('逾期') || o.status === 'OVERDUE')).toBe(true);
    expect(some('dues.arrears.warn', (o) => o.status === 'OVERDUE')).toBe(true);
    expect(some('dues.arrears.constitution', (o) => o.status === 'OVERDUE')).toBe(true);
    expect(some('transfer.receipt.overdue', (o) => o.status === 'OVERDUE')).toBe(true);
  });

  it('has transfer cases in every state, notices with reads and unread ones for the demo member', async () => {
    const cases = await store.listTransferCases({ branchIds: ['b-1'] });
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['INITIATED', 'APPROVED', 'LETTER_ISSUED', 'LETTER_RECEIVED', 'COMPLETED', 'CANCELLED']));
    const notices = await store.listNotices([
      { audience: 'BRANCH', id: 'b-1' },
      { audience: 'COMMITTEE', id: 'cm-1' },
    ]);
    expect(notices.length).toBeGreaterThan(1);
    const reads = await store.listNoticeReads(notices.map((n) => n.id));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.some((r) => r.memberId === 'm-4')).toBe(false);
  });

  it('generates the same affairs files for the same seed', async () => {
    const { dir } = await generateWorld({ scale: 'demo', outDir: path.join(tmp, 'b'), reuse: false });
    for (const f of ['Milestone.csv', 'DuesPayment.csv', 'TransferCase.csv', 'Notice.csv', 'READ_NOTICE.csv']) {
      expect(readFileSync(path.join(dir, f), 'utf8')).toBe(readFileSync(path.join(tmp, 'a', f), 'utf8'));
    }
  }, 300_000);
});
