/**
 * The behaviour every GraphStore adapter must show. `runStoreContract` defines vitest suites; each
 * test starts from a cleared store with the fixture world of fixtures.ts. Run it from a test file:
 * `runStoreContract('kuzu', async () => new KuzuStore({ dir: tmp }))`.
 */
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { GraphStore } from '../store';
import { appraisalContract } from './appraisal.contract';
import { attendanceCountsContract } from './attendance-counts.contract';
import { auditContract } from './audit.contract';
import { accountsContract } from './accounts.contract';
import { affairsContract } from './affairs.contract';
import { batchContract } from './batch.contract';
import { bulkContract } from './bulk.contract';
import { curriculumContract } from './curriculum.contract';
import { eventsContract } from './events.contract';
import { seedWorld } from './fixtures';
import { learnerContract } from './learner.contract';
import { learningSummaryContract } from './learning-summary.contract';
import { lifeContract } from './life.contract';
import { lifecycleContract } from './lifecycle.contract';
import { membersContract } from './members.contract';
import { orgContract } from './org.contract';
import { recordsContract } from './records.contract';
import { rulesContract } from './rules.contract';
import { ruleFactsContract } from './rule-facts.contract';
import { safetyContract } from './safety.contract';
import { searchContract } from './search.contract';
import { tagsContract } from './tags.contract';

/** Accessor for the store under test (set in beforeAll). */
export type GetStore = () => GraphStore;

/** The areas a run can be limited to (`only`); every area runs when it is not given. */
export type ContractArea = 'batch' | 'learner' | 'learningSummary';

export function runStoreContract(name: string, makeStore: () => Promise<GraphStore>, only?: ContractArea[]): void {
  describe(`GraphStore contract (${name})`, () => {
    let store: GraphStore | undefined;
    beforeAll(async () => {
      store = await makeStore();
      await store.init();
    });
    afterAll(async () => {
      await store?.close();
    });
    beforeEach(async () => {
      await store!.clear();
      await seedWorld(store!);
    });
    const get: GetStore = () => store!;
    if (only) {
      if (only.includes('batch')) batchContract(get);
      if (only.includes('learner')) learnerContract(get);
      if (only.includes('learningSummary')) learningSummaryContract(get);
      return;
    }
    lifecycleContract(get);
    orgContract(get);
    rulesContract(get);
    membersContract(get);
    curriculumContract(get);
    tagsContract(get);
    lifeContract(get);
    attendanceCountsContract(get);
    eventsContract(get);
    batchContract(get);
    learnerContract(get);
    learningSummaryContract(get);
    searchContract(get);
    bulkContract(get);
    safetyContract(get);
    appraisalContract(get);
    accountsContract(get);
    affairsContract(get);
    auditContract(get);
    ruleFactsContract(get);
    recordsContract(get);
  });
}
