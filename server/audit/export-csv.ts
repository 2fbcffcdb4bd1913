/**
 * The audit log of a period as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read
 * Chinese text): one row per entry in sequence order. Fields a spreadsheet would take for a formula
 * (starting with = + - @, a tab or a carriage return; a failed sign-in stores what was typed as the
 * login) get a leading apostrophe, so opening the file never runs anything.
 */
import { csvField, type GraphStore } from '../../graph';

export const AUDIT_CSV_HEADER = ['seq', 'time', 'viewerId', 'action', 'targetKind', 'targetId', 'outcome', 'hash'];

/** One field, quoted when needed and disarmed when it could start a formula. */
export function safeCsvField(v: string | number): string {
  const s = String(v);
  return csvField(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
}

const line = (values: (string | number)[]) => `${values.map(safeCsvField).join(',')}\r\n`;

/**
 * Entries with from <= at < to, read `page` at a time. With `maxRows`, a period holding more entries
 * answers `{ tooMany: true }` instead of building the whole text.
 */
export async function auditCsv(
  store: Pick<GraphStore, 'listAudit'>,
  from: number,
  to: number,
  opts: { page?: number; maxRows?: number } = {},
): Promise<{ csv: string; rows: number; tooMany: boolean }> {
  const page = opts.page ?? 5000;
  let csv = `\uFEFF${line(AUDIT_CSV_HEADER)}`;
  let after = 0;
  let rows = 0;
  for (;;) {
    const entries = await store.listAudit({ afterSeq: after, fromAt: from, toAt: to, limit: page });
    for (const e of entries) {
      csv += line([e.seq, new Date(e.at).toISOString(), e.viewerId, e.action, e.targetKind, e.targetId, e.outcome, e.hash]);
    }
    rows += entries.length;
    if (opts.maxRows !== undefined && rows > opts.maxRows) return { csv: '', rows, tooMany: true };
    if (entries.length < page) return { csv, rows, tooMany: false };
    after = entries[entries.length - 1].seq;
  }
}
