/**
 * `hongtu audit verify`: the checkpoint (if pruning left one) must carry the server's signature, and
 * the entries from it to the head must chain (graph/audit-log.ts walkChain). The report names the
 * first sequence number that does not verify.
 */
import { type ChainReport, type GraphStore, walkChain } from '../../graph';
import { checkpointKey, checkpointValid } from './checkpoint';

export type VerifyReport = ChainReport & { checkpoint: 'none' | 'valid' | 'forged' };

export async function verifyAuditLog(store: Pick<GraphStore, 'auditHead' | 'listAudit' | 'getAuditCheckpoint'>, secret: string): Promise<VerifyReport> {
  const cp = await store.getAuditCheckpoint();
  if (cp && !checkpointValid(checkpointKey(secret), cp)) {
    const head = await store.auditHead();
    return {
      ok: false,
      checked: 0,
      from: { seq: cp.seq, hash: cp.hash },
      head,
      brokenAt: cp.seq,
      checkpoint: 'forged',
      reason: `the pruning checkpoint at ${cp.seq} is not signed with this server's audit secret (forged or edited)`,
    };
  }
  return { ...(await walkChain(store)), checkpoint: cp ? 'valid' : 'none' };
}
