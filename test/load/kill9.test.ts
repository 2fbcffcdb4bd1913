/**
 * kill -9 mid-load on a real server process (production mode, Kuzu, demo world), restart on the same
 * data directory, retry what was in flight: every acknowledged answer is stored once, and every
 * stored answer's mastery update is applied exactly once — including answers that were stored but
 * whose caller never heard back (acknowledged only on the retry), which used to skip their update.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorld } from './harness';
import { runKillTest } from './kill-run';

const root = mkdtempSync(path.join(os.tmpdir(), 'hongtu-kill9-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('kill -9 mid-load', () => {
  it('loses nothing, duplicates nothing, and applies each stored answer to mastery exactly once', async () => {
    const dataDir = path.join(root, 'kuzu');
    const seed = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'seed', '--scale', 'demo', '--load'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, HONGTU_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(seed.status, seed.stderr).toBe(0);
    const r = await runKillTest({ dataDir, world: readWorld(path.join(root, 'bulk', 'demo')), clients: 12, loadMs: 1500 });
    console.log('kill -9 counts:', JSON.stringify(r));
    expect(r.acknowledgedBeforeKill).toBeGreaterThan(0);
    expect(r.acknowledgedMissing).toBe(0);
    expect(r.storedAtKill).toBe(r.acknowledgedBeforeKill + r.storedButUnacknowledged);
    expect(r.retriesReplayed).toBe(r.storedButUnacknowledged);
    expect(r.retriesCreated).toBe(r.inFlightAtKill - r.storedButUnacknowledged);
    expect(r.replaysOfAcknowledgedCreated).toBe(0);
    expect(r.storedAfterRestart).toBe(r.storedAtKill + r.retriesCreated);
    expect(r.masteryUpdated).toBe(r.storedAfterRestart);
    expect(r.membersWithTallyMismatch).toBe(0);
    expect(r.membersWithMasteryMismatch).toBe(0);
    expect(r.outboxPendingAtEnd).toBe(0);
  }, 400_000);
});
