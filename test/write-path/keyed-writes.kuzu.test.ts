/**
 * The Kuzu write path handles a few keys with one statement per key on a large store and with set
 * statements on a small one (graph/kuzu/keyed.ts `keyedWrites`, derived from the member count). The
 * contract suite runs on a small store, so it covers the set statements; this file runs the contract
 * areas of those writes (group commit, outbox completion, mastery and gaps, learning summaries) with
 * the store fixed at 32 keys one by one, so the per-key statements meet the same expectations (lists
 * longer than 32 still take the set statements).
 */
import { runStoreContract } from '../../graph/contract/index';
import { KEYED_WRITES_MAX } from '../../graph/kuzu/keyed';
import { KuzuStore } from '../../graph/kuzu/kuzu-store';
import { makeTempDir } from '../support/temp-dirs';

runStoreContract('kuzu, writes by key', async () => new KuzuStore({ dir: makeTempDir('hongtu-kuzu-keyed-'), keyedWrites: KEYED_WRITES_MAX }), [
  'batch',
  'learner',
  'learningSummary',
]);
