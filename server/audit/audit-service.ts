/**
 * The audit log for university administrators: a period exported as CSV. Everyone else is FORBIDDEN.
 * The export is itself an entry (who exported which period), written before the text is returned, so
 * an export that cannot be recorded is not handed out.
 */
import { randomUUID } from 'node:crypto';
import type { Session } from '../auth/session';
import { badInput, forbidden } from '../errors';
import { auditCsv } from './export-csv';

/** Most entries one API export returns; longer periods go through `hongtu audit export`. */
export const API_EXPORT_MAX_ROWS = 100_000;

export interface AuditExport {
  csv: string;
  rows: number;
  from: number;
  to: number;
}

export async function exportAuditLog(s: Session, from: number, to: number): Promise<AuditExport> {
  if (s.viewer.role !== 'UNIVERSITY_ADMIN') throw forbidden('Only university administrators can export the audit log');
  if (!(to > from)) throw badInput('to', '`to` must be later than `from`');
  const out = await auditCsv(s.store, from, to, { maxRows: API_EXPORT_MAX_ROWS });
  if (out.tooMany) {
    throw badInput('to', `The period holds more than ${API_EXPORT_MAX_ROWS} entries; export a shorter period, or use \`hongtu audit export\``);
  }
  await s.store.appendAccess([
    {
      id: randomUUID(),
      at: s.now(),
      viewerId: s.viewer.memberId,
      action: 'EXPORT_AUDIT_LOG',
      targetKind: 'AuditLog',
      targetId: `${new Date(from).toISOString()}/${new Date(to).toISOString()}`,
      outcome: String(out.rows),
    },
  ]);
  return { csv: out.csv, rows: out.rows, from, to };
}
