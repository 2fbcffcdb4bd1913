/**
 * The instance's profile-signing key: an Ed25519 private JWK kept in the data directory
 * (`instance-key.jwk`, mode 0600), made on first start when HONGTU_PUBLIC_URL is set.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JWK } from 'jose';
import type { AppLogger } from '../app-deps';
import type { Config } from '../config';
import type { AffairsDeps } from './affairs-deps';
import { generateInstanceKeys, instanceKeysFromJwk, type InstanceKeys } from './profile';

export const keyFileOf = (dataDir: string) => path.join(dataDir, 'instance-key.jwk');

/** Read the key file, or make one. */
export async function loadOrCreateInstanceKeys(dataDir: string, issuer: string): Promise<InstanceKeys> {
  const file = keyFileOf(dataDir);
  if (existsSync(file)) return instanceKeysFromJwk(issuer, JSON.parse(readFileSync(file, 'utf8')) as JWK);
  const { keys, privateJwk } = await generateInstanceKeys(issuer);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(privateJwk), { mode: 0o600 });
  chmodSync(file, 0o600);
  return keys;
}

/** Keys when the instance has a public URL; trust from HONGTU_TRUSTED_INSTANCES. */
export async function loadAffairsDeps(config: Readonly<Config>, log: AppLogger): Promise<AffairsDeps> {
  const deps: AffairsDeps = { trust: { issuers: config.trustedInstances } };
  if (config.publicUrl) {
    deps.keys = await loadOrCreateInstanceKeys(config.dataDir, config.publicUrl);
    log.info(`Learning profiles are signed as ${config.publicUrl} (key ${deps.keys.kid})`);
  }
  return deps;
}
