/** Pure pieces of the Neo4j adapter: integer handling, CSV values, cosine scale, error mapping, catalogue. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../errors';
import { fromCsv, toCsv } from './bulk';
import { CATALOG, isCatalogued } from './catalog';
import { fromNeo4jCosine } from './embeddings';
import { BULK_LOAD, LOAD_TX_ROWS } from './bulk-queries';
import { type Executor, isMemoryLimit, toStoreError } from './executor';
import { GRAPH_SCHEMA, NODE_LABELS } from './labels';
import { clearAll } from './schema';
import { inIdOrder, int, num, toMember } from './mapping';
import { CLEAR_Q, Q } from './queries';

describe('integers', () => {
  it('sends whole numbers as Cypher INTEGER and reads them back as numbers', () => {
    const t = Date.UTC(2025, 2, 1);
    expect(neo4j.isInt(int(t))).toBe(true);
    expect(num(int(t))).toBe(t);
    expect(num(0.25)).toBe(0.25);
    expect(num(BigInt(42))).toBe(42);
  });

  it('refuses values outside the safe range instead of losing precision', () => {
    expect(() => num(neo4j.int('9007199254740993'))).toThrow(/safe range/);
    expect(() => int(2 ** 60)).toThrow(/safe integer/);
    expect(() => num(null)).toThrow(TypeError);
  });

  it('maps a member row with Integer times and null personal data', () => {
    const m = toMember({
      id: 'm-1',
      name: '张三',
      kind: 'STUDENT',
      stage: 'FULL',
      role: 'MEMBER',
      branchId: 'b-1',
      groupId: null,
      since: neo4j.int(5),
      stageSince: neo4j.int(6),
      phone: null,
      idNumber: null,
      createdAt: neo4j.int(7),
      updatedAt: neo4j.int(8),
    });
    expect(m).toEqual({
      id: 'm-1',
      name: '张三',
      kind: 'STUDENT',
      stage: 'FULL',
      role: 'MEMBER',
      branchId: 'b-1',
      groupId: null,
      since: 5,
      stageSince: 6,
      phone: null,
      idNumber: null,
      createdAt: 7,
      updatedAt: 8,
    });
  });

  it('orders batch reads as asked, once per id, without missing ones', () => {
    expect(inIdOrder(['b', 'x', 'a', 'b'], [{ id: 'a' }, { id: 'b' }])).toEqual([{ id: 'b' }, { id: 'a' }]);
  });
});

describe('bulk CSV values', () => {
  it('types each column as the graph stores it', () => {
    expect(num(fromCsv('at', '1740787200000'))).toBe(1740787200000);
    expect(fromCsv('weight', '0.3')).toBe(0.3);
    expect(fromCsv('correct', 'false')).toBe(false);
    expect(fromCsv('options', '["甲","乙, 丙"]')).toEqual(['甲', '乙, 丙']);
    expect(fromCsv('phone', '')).toBeNull();
    expect(fromCsv('name', '导入, "甲"')).toBe('导入, "甲"');
    expect(() => fromCsv('minutes', 'abc')).toThrow(StoreError);
  });

  it('writes values back in the bulk format', () => {
    expect(toCsv('options', ['甲', '"丁"'])).toBe('["甲","\\"丁\\""]');
    expect(toCsv('at', neo4j.int(12))).toBe(12);
    expect(toCsv('idNumber', null)).toBeNull();
    expect(toCsv('correct', true)).toBe(true);
  });
});

describe('vector scores', () => {
  it("turns Neo4j's (1 + cos) / 2 back into cosine similarity", () => {
    expect(fromNeo4jCosine(1)).toBe(1);
    expect(fromNeo4jCosine(0.5)).toBe(0);
    expect(fromNeo4jCosine(0)).toBe(-1);
  });
});

describe('driver errors', () => {
  const driverError = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

  it('maps lost connections, bad credentials and exhausted transient retries to UNAVAILABLE', () => {
    for (const code of ['ServiceUnavailable', 'SessionExpired', 'Neo.ClientError.Security.Unauthorized', 'Neo.TransientError.Transaction.DeadlockDetected']) {
      expect((toStoreError(driverError(code)) as StoreError).code).toBe('UNAVAILABLE');
    }
    expect((toStoreError(new Error('connect ECONNREFUSED 127.0.0.1:7687')) as StoreError).code).toBe('UNAVAILABLE');
  });

  it('maps a uniqueness violation to CONFLICT and passes StoreErrors and non-driver errors through', () => {
    expect((toStoreError(driverError('Neo.ClientError.Schema.ConstraintValidationFailed')) as StoreError).code).toBe('CONFLICT');
    const own = new StoreError('NOT_FOUND', 'Member "x" not found');
    expect(toStoreError(own)).toBe(own);
    const bug = new TypeError('x is undefined');
    expect(toStoreError(bug)).toBe(bug);
  });

  it('maps a transaction over a memory limit to INTERNAL naming the setting, never UNAVAILABLE', () => {
    const oom = driverError(
      'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      'The allocation of an extra 2.0 MiB would use more than the limit 716.8 MiB. Currently using 716.8 MiB. dbms.memory.transaction.total.max threshold reached',
    );
    const mapped = toStoreError(oom) as StoreError;
    expect(mapped).toBeInstanceOf(StoreError);
    expect(mapped.code).toBe('INTERNAL');
    expect(mapped.message).toMatch(/memory limit.*dbms\.memory\.transaction\.total\.max/s);
    expect(isMemoryLimit(oom)).toBe(true);
    expect((toStoreError(driverError('Neo.TransientError.General.TransactionMemoryLimit')) as StoreError).code).toBe('INTERNAL');
    expect((toStoreError(Object.assign(driverError('Neo.TransientError.General.Whatever'), { gqlStatus: '51N73' })) as StoreError).code).toBe('INTERNAL');
    // Deadlocks and a database that is restarting stay UNAVAILABLE: retrying later helps there.
    expect(isMemoryLimit(driverError('Neo.TransientError.Transaction.DeadlockDetected'))).toBe(false);
  });

  it('maps other server errors (a refused statement, a database error) to INTERNAL with the server code', () => {
    for (const code of ['Neo.ClientError.Statement.SyntaxError', 'Neo.DatabaseError.General.UnknownError']) {
      const mapped = toStoreError(driverError(code)) as StoreError;
      expect(mapped.code).toBe('INTERNAL');
      expect(mapped.details).toEqual({ driverCode: code });
    }
  });
});

describe('statement catalogue', () => {
  it('names every statement once and knows only those', () => {
    expect(CATALOG.get('Q.listMembers')).toBe(Q.listMembers);
    expect(isCatalogued(Q.recordStudy)).toBe(true);
    expect(isCatalogued('MATCH (n) DETACH DELETE n')).toBe(false);
    expect(new Set(CATALOG.values()).size).toBe(CATALOG.size);
  });
});

describe('bounded transactions (Neo4j accepts CALL … IN TRANSACTIONS only in auto-commit transactions)', () => {
  it('clear deletes relationships of every label, then nodes, each in inner transactions, sent as auto-commit statements', async () => {
    const sent: { how: string; query: string }[] = [];
    const fake = {
      autoCommit: async (query: string) => {
        sent.push({ how: 'autoCommit', query });
        return { nodesDeleted: 0, relationshipsDeleted: 0, nodesCreated: 0, relationshipsCreated: 0 };
      },
      schema: async (query: string) => {
        sent.push({ how: 'schema', query });
        return [];
      },
      write: async () => {
        throw new Error('clear must not run in a managed transaction');
      },
      read: async () => {
        throw new Error('unexpected read');
      },
    };
    await clearAll(fake as unknown as Executor);
    const deletes = sent.filter((s) => s.how === 'autoCommit').map((s) => s.query);
    expect(deletes).toEqual([...Object.values(CLEAR_Q.rels), ...Object.values(CLEAR_Q.nodes)]);
    for (const q of deletes) expect(q).toMatch(/IN TRANSACTIONS OF 10000 ROWS$/);
    // Relationship deletes cover every relationship (every type starts at one of these labels) before any node goes.
    expect(new Set(GRAPH_SCHEMA.map((t) => t.from))).toEqual(new Set(Object.keys(CLEAR_Q.rels)));
    expect(Object.keys(CLEAR_Q.nodes)).toEqual([...NODE_LABELS]);
  });

  it('every bulk load statement commits in inner transactions of LOAD_TX_ROWS rows', () => {
    for (const q of Object.values(BULK_LOAD)) expect(q).toMatch(new RegExp(`IN TRANSACTIONS OF ${LOAD_TX_ROWS} ROWS$`));
  });
});
