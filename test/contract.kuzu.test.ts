/** The store contract on the embedded Kuzu adapter, in a fresh temp directory (removed after the file: temp-dirs.ts). */
import { runStoreContract } from '../graph/contract/index';
import { KuzuStore } from '../graph/kuzu/kuzu-store';
import { makeTempDir } from './support/temp-dirs';

runStoreContract('kuzu', async () => new KuzuStore({ dir: makeTempDir('hongtu-kuzu-contract-') }));
