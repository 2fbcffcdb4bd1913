/**
 * Check every row of a bulk directory before anything is loaded, so `hongtu import` is all or nothing for the
 * mistakes a file can hold: a missing file or header, a row with the wrong number of columns, an empty id, a
 * value outside its closed set (stage, kind, role, meeting kind, attendance status, course kind), a number or
 * time that is not one. Each problem names file, line and field. Streams the files (any size).
 */
import path from 'node:path';
import fs from 'node:fs';
import {
  ATTENDANCE_STATUSES,
  BULK_NODES,
  BULK_RELS,
  bulkFile,
  COURSE_KINDS,
  MEETING_KINDS,
  MEMBER_KINDS,
  MEMBER_STAGES,
  readCsvFile,
  ROLES,
  type BulkNode,
  type BulkRel,
} from '../../../graph';

export interface BulkProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

const ENUMS: Record<string, readonly string[]> = {
  'Member.kind': MEMBER_KINDS,
  'Member.stage': MEMBER_STAGES,
  'Member.role': ROLES,
  'BELONGS_TO.role': ROLES,
  'Course.kind': COURSE_KINDS,
  'Meeting.kind': MEETING_KINDS,
  'ATTENDED.status': ATTENDANCE_STATUSES,
};
const INTEGER = new Set(['createdAt', 'updatedAt', 'stageSince', 'since', 'at', 'minutes', 'seconds', 'answer']);
const NUMBER = new Set(['weight', 'confidence', 'progress', 'difficulty']);
const REQUIRED = new Set(['id', 'from', 'to']);
const MAX_PROBLEMS = 50;

export async function validateBulkDir(dir: string): Promise<BulkProblem[]> {
  const problems: BulkProblem[] = [];
  const tables: [BulkNode | BulkRel, readonly string[]][] = [
    ...(Object.entries(BULK_NODES) as [BulkNode, readonly string[]][]),
    ...Object.entries(BULK_RELS).map(([k, v]) => [k as BulkRel, v.columns] as [BulkRel, readonly string[]]),
  ];
  for (const [table, columns] of tables) {
    const name = bulkFile(table);
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) {
      problems.push({ file: name, line: 0, field: '', message: 'file missing' });
      continue;
    }
    let line = 0;
    for await (const rec of readCsvFile(file)) {
      line += 1;
      if (problems.length >= MAX_PROBLEMS) return problems;
      if (line === 1) {
        if (rec.join(',') !== columns.join(',')) problems.push({ file: name, line, field: '', message: `header must be ${columns.join(',')}` });
        continue;
      }
      if (rec.length === 1 && rec[0] === '') continue;
      if (rec.length !== columns.length) {
        problems.push({ file: name, line, field: '', message: `${rec.length} columns, expected ${columns.length} (${columns.join(',')})` });
        continue;
      }
      columns.forEach((col, i) => {
        const v = rec[i];
        const allowed = ENUMS[`${table}.${col}`];
        if (REQUIRED.has(col) && v === '') problems.push({ file: name, line, field: col, message: 'must not be empty' });
        else if (allowed && v !== '' && !allowed.includes(v)) problems.push({ file: name, line, field: col, message: `"${v}" is not one of ${allowed.join(', ')}` });
        else if (INTEGER.has(col) && v !== '' && !/^-?\d+$/.test(v)) problems.push({ file: name, line, field: col, message: `"${v}" is not an integer` });
        else if (NUMBER.has(col) && v !== '' && !Number.isFinite(Number(v))) problems.push({ file: name, line, field: col, message: `"${v}" is not a number` });
      });
    }
  }
  return problems;
}

export const formatProblem = (p: BulkProblem): string => `${p.file}:${p.line}${p.field ? `:${p.field}` : ''}: ${p.message}`;
