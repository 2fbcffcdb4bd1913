/**
 * `hongtu neo4j-import` through the real CLI on the contract's bulk fixture: typed headers, rows without
 * their header line (quoting kept, options as an importer array), an executable import.sh naming every
 * table, a README. neo4j-admin itself is not installed here: the command line is checked, not run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BULK_NODES, BULK_RELS, parseCsv } from '../../graph';
import { writeBulkDir } from '../../graph/contract/bulk-fixture';
import { childEnv } from '../support/child-env';
import { makeTempDir } from '../support/temp-dirs';

describe('hongtu neo4j-import', () => {
  const root = makeTempDir('hongtu-admin-import-');
  const bulk = path.join(root, 'bulk');
  writeBulkDir(bulk);
  const out = path.join(root, 'admin');
  const r = spawnSync(process.execPath, ['bin/hongtu.mjs', 'neo4j-import', bulk, '--out', out], { encoding: 'utf8', env: childEnv({}) });

  it('writes typed headers and the rows without their header line', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/rows written to .*admin/);
    expect(readFileSync(path.join(out, 'Member.header.csv'), 'utf8').trim()).toBe(
      'id:ID(Member),name,kind,stage,role,stageSince:long,phone,idNumber,createdAt:long,updatedAt:long',
    );
    expect(readFileSync(path.join(out, 'ANSWERED.header.csv'), 'utf8').trim()).toBe('from:START_ID(Member),to:END_ID(Question),id,at:long,correct:boolean,seconds:long');
    const members = parseCsv(readFileSync(path.join(out, 'Member.csv'), 'utf8')).filter((x) => x.length > 1);
    const source = parseCsv(readFileSync(path.join(bulk, 'Member.csv'), 'utf8')).filter((x) => x.length > 1);
    expect(members).toEqual(source.slice(1));
    const questions = parseCsv(readFileSync(path.join(out, 'Question.csv'), 'utf8')).filter((x) => x.length > 1);
    const options = BULK_NODES.Question.indexOf('options');
    for (const q of questions) expect(q[options]).not.toMatch(/^\[/);
  });

  it('writes an executable import.sh with every table and a README', () => {
    const script = readFileSync(path.join(out, 'import.sh'), 'utf8');
    expect(statSync(path.join(out, 'import.sh')).mode & 0o100).toBeTruthy();
    expect(script).toContain('neo4j-admin database import full "$DB"');
    for (const t of Object.keys(BULK_NODES)) expect(script).toContain(`--nodes=${t}="$DIR/${t}.header.csv,$DIR/${t}.csv"`);
    for (const [t, spec] of Object.entries(BULK_RELS)) expect(script).toContain(`--relationships=${spec.type}="$DIR/${t}.header.csv,$DIR/${t}.csv"`);
    expect(existsSync(path.join(out, 'README.md'))).toBe(true);
  });

  it('names a directory that is not a bulk directory, exit 1', () => {
    const bad = spawnSync(process.execPath, ['bin/hongtu.mjs', 'neo4j-import', path.join(root, 'nope')], { encoding: 'utf8', env: childEnv({}) });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/is not a complete bulk directory; missing University\.csv/);
  });
});
