/**
 * `hongtu audit verify | prune | export`: the hash-chained audit log from the command line.
 * - verify: checks the pruning checkpoint's signature and every entry's hash from it to the head; exit 1
 *   with the first sequence number that does not verify.
 * - prune: removes entries older than HONGTU_AUDIT_RETENTION_DAYS (default 180) in bounded batches and
 *   leaves a signed checkpoint (the server also prunes once a day).
 * - export: writes the entries of a period as CSV (to a file or stdout); the export is itself recorded.
 * On the embedded store, stop the server first (one process opens a Kuzu file at a time).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Command } from 'commander';
import { openStore } from '../../../graph';
import { auditCsv } from '../../audit/export-csv';
import { pruneAuditLog } from '../../audit/prune';
import { verifyAuditLog } from '../../audit/verify';
import { loadConfig } from '../../config';

function readDate(name: string, v: string | undefined): number {
  const ms = v ? Date.parse(v) : NaN;
  if (Number.isNaN(ms)) throw new Error(`--${name} must be a date such as 2026-01-01 or 2026-01-01T08:00:00+08:00, got "${v ?? ''}"`);
  return ms;
}

async function withStore<T>(fn: (store: Awaited<ReturnType<typeof openStore>>, config: ReturnType<typeof loadConfig>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore(config);
  try {
    await store.init();
    return await fn(store, config);
  } finally {
    await store.close().catch(() => undefined);
  }
}

const fail = (cmd: string, e: unknown) => {
  console.error(`audit ${cmd}: ${(e as Error).message}`);
  process.exitCode = 2;
};

export function register(program: Command): void {
  const audit = program.command('audit').description('Verify, prune or export the hash-chained audit log');
  audit
    .command('verify')
    .description('Check the chain from the signed checkpoint to the head; exit 1 naming the first broken sequence number')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { json?: boolean }) => {
      try {
        const r = await withStore((store, config) => verifyAuditLog(store, config.audit.secret));
        if (opts.json) console.log(JSON.stringify(r, null, 2));
        else if (r.ok) {
          console.log(`audit log OK: ${r.checked} entries from ${r.from.seq + 1} to ${r.head.seq} (checkpoint: ${r.checkpoint}); head hash ${r.head.hash}`);
        } else {
          console.log(`audit log BROKEN at sequence ${r.brokenAt}: ${r.reason}`);
        }
        process.exitCode = r.ok ? 0 : 1;
      } catch (e) {
        fail('verify', e);
      }
    });
  audit
    .command('prune')
    .description('Remove entries older than HONGTU_AUDIT_RETENTION_DAYS (default 180) and leave a signed checkpoint')
    .option('--batch <n>', 'entries per transaction (100–50000)', '5000')
    .action(async (opts: { batch: string }) => {
      try {
        const batch = Number(opts.batch);
        if (!Number.isInteger(batch) || batch < 100 || batch > 50_000) throw new Error(`--batch must be an integer 100–50000, got "${opts.batch}"`);
        const r = await withStore((store, config) =>
          pruneAuditLog(store, {
            retentionDays: config.audit.retentionDays,
            secret: config.audit.secret,
            batch,
            viewerId: 'cli',
          }),
        );
        console.log(`pruned ${r.removed} entries older than ${new Date(r.cutoff).toISOString()}${r.checkpointSeq ? `; checkpoint at ${r.checkpointSeq}` : ''}`);
      } catch (e) {
        fail('prune', e);
      }
    });
  audit
    .command('export')
    .description('Write the entries with from <= time < to as CSV (recorded in the log)')
    .requiredOption('--from <date>', 'start of the period (inclusive), e.g. 2026-01-01')
    .requiredOption('--to <date>', 'end of the period (exclusive), e.g. 2026-02-01')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: { from: string; to: string; out?: string }) => {
      try {
        const from = readDate('from', opts.from);
        const to = readDate('to', opts.to);
        if (!(to > from)) throw new Error('--to must be later than --from');
        const { csv, rows } = await withStore(async (store) => {
          const out = await auditCsv(store, from, to);
          await store.appendAccess([
            {
              id: randomUUID(),
              at: Date.now(),
              viewerId: 'cli',
              action: 'EXPORT_AUDIT_LOG',
              targetKind: 'AuditLog',
              targetId: `${new Date(from).toISOString()}/${new Date(to).toISOString()}`,
              outcome: String(out.rows),
            },
          ]);
          return out;
        });
        if (opts.out) {
          fs.writeFileSync(opts.out, csv);
          console.error(`wrote ${rows} entries to ${opts.out}`);
        } else process.stdout.write(csv);
      } catch (e) {
        fail('export', e);
      }
    });
}
