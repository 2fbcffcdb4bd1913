/**
 * Signing pruning checkpoints: HMAC-SHA256 over the checkpoint's seq, hash and time, with a key derived
 * from the server's audit secret (HONGTU_AUDIT_SECRET, else HONGTU_JWT_SECRET) by HKDF-SHA256
 * (salt "hongtu", info "hongtu audit checkpoint v1"). Only a holder of the secret can make a checkpoint
 * that verifies, so deleting old entries and writing a checkpoint by hand is detected. HMAC rather than
 * Ed25519: the same server signs and verifies, and there is no one else to hand a public key to.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { AuditCheckpoint } from '../../graph';

export function checkpointKey(secret: string): Buffer {
  if (!secret) throw new Error('The audit secret is empty; set HONGTU_AUDIT_SECRET or HONGTU_JWT_SECRET');
  return Buffer.from(hkdfSync('sha256', secret, 'hongtu', 'hongtu audit checkpoint v1', 32));
}

const signed = (cp: Omit<AuditCheckpoint, 'signature'>) => JSON.stringify(['hongtu-audit-checkpoint', cp.seq, cp.hash, cp.at]);

export function signCheckpoint(key: Buffer, cp: Omit<AuditCheckpoint, 'signature'>): AuditCheckpoint {
  return { seq: cp.seq, hash: cp.hash, at: cp.at, signature: createHmac('sha256', key).update(signed(cp)).digest('hex') };
}

export function checkpointValid(key: Buffer, cp: AuditCheckpoint): boolean {
  const want = Buffer.from(signCheckpoint(key, cp).signature, 'hex');
  const got = Buffer.from(cp.signature, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}
