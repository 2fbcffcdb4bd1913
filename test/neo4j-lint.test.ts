/**
 * Every Cypher statement of the Neo4j adapter (graph/neo4j/catalog.ts: data, schema and bulk statements)
 * is linted with Neo4j's own linter, since no Neo4j server runs on our machines. The schema declared here
 * is the adapter's closed world: labels, relationship types, property keys, the (from, type, to) triples,
 * every parameter with a value of its type, and the functions and procedures the adapter calls (their
 * signatures taken from the registry Neo4j ships with the linter). Anything outside it is a diagnostic.
 */
import { describe, expect, it } from 'vitest';
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { CATALOG } from '../graph/neo4j/catalog';
import { GRAPH_SCHEMA, NODE_LABELS, REL_TYPES } from '../graph/neo4j/labels';
import { TEST_DB_Q } from './support/neo4j-test-db';

const PROPERTY_KEYS = [
  // nodes
  'id',
  'name',
  'kind',
  'stage',
  'role',
  'stageSince',
  'phone',
  'idNumber',
  'createdAt',
  'updatedAt',
  'area',
  'description',
  'title',
  'summary',
  'minutes',
  'stem',
  'options',
  'answer',
  'explanation',
  'difficulty',
  'at',
  'record',
  'memberId',
  'fromBranchId',
  'toBranchId',
  'reason',
  'minutesPerWeek',
  'weeks',
  'startsAt',
  'items',
  'viewerId',
  'action',
  'targetKind',
  'targetId',
  'embedding',
  'embedderId',
  'contentHash',
  // appraisal rounds, ballots, self-assessments, talk records
  'branchId',
  'periodFrom',
  'periodTo',
  'closesAt',
  'closedAt',
  'minBallots',
  'publicKey',
  'sealedKey',
  'voterIds',
  'appraiseeIds',
  'createdBy',
  'roundId',
  'blindedHash',
  'grades',
  'text',
  'subjectId',
  'participantIds',
  'followUp',
  'forCommittee',
  'tokenHash',
  'slotLock',
  // attendance counts kept on each meeting, and the lock its attendance writes take
  'present',
  'excused',
  'absent',
  'attendanceLock',
  // the write lock taken before a read-then-write (LOCK in graph/neo4j/queries.ts)
  'writeSeq',
  // accounts, sessions, tokens
  'loginName',
  'passwordHash',
  'mustChangePassword',
  'failedAttempts',
  'lockedUntil',
  'totpSecret',
  'totpEnabled',
  'recoveryCodeHashes',
  'lastSeenAt',
  'expiresAt',
  'revokedAt',
  'method',
  'userAgent',
  'secretHash',
  'scope',
  'introspect',
  'lastUsedAt',
  'data',
  'year',
  'paidAt',
  'fromBranchId',
  'audience',
  'audienceId',
  'publishedAt',
  'affairsLock',
  'ruleId',
  'version',
  'params',
  'effectiveFrom',
  'createdBy',
  // relationships
  'since',
  'weight',
  'source',
  'confidence',
  'status',
  'seconds',
  'progress',
  'correct',
  'p',
  'severity',
  'reasons',
  // keys of parameter maps read with UNWIND (the linter cannot tell them from stored properties)
  'topicId',
  'from',
  'to',
  // group commit and outbox (graph/neo4j/batch-queries.ts)
  'i',
  'memberId',
  'toId',
  'key',
  'eventId',
  'claimedAt',
  'applied',
  'n',
  'gaps',
  // maintained learning summaries (graph/neo4j/learning-summary.ts)
  'asOf',
  'areaMilli',
  'required',
  'met',
  'bands',
  'members',
  'membersWithGaps',
  // hash-chained audit log (graph/neo4j/audit-queries.ts)
  'seq',
  'hash',
  'outcome',
  'signature',
  'lockedAt',
  // absence reasons, minutes history, member records, imported profiles (graph/neo4j/records-queries.ts)
  'meetingId',
  'byId',
  'previous',
  'importedAt',
];

const tag = { topicId: 't', weight: 0.5, source: 'AUTO', confidence: 0.9 };
/** Every parameter the adapter passes, with a value of the type it passes. */
const PARAMETERS: Record<string, unknown> = {
  id: 'x',
  ids: ['x'],
  name: 'n',
  parentId: 'p',
  after: 'x',
  limit: 10,
  now: 0,
  branchId: 'b',
  branchIds: ['b'],
  committeeIds: ['c'],
  stages: ['FULL'],
  kinds: ['TEACHER'],
  roles: ['MEMBER'],
  nameContains: 'n',
  groupId: 'g',
  kind: 'STUDENT',
  stage: 'FULL',
  role: 'MEMBER',
  stageSince: 0,
  since: 0,
  phone: '1',
  idNumber: '1',
  props: { name: 'n' },
  memberId: 'm',
  memberIds: ['m'],
  toBranchId: 'b',
  at: 0,
  reason: 'r',
  area: 'history',
  description: 'd',
  prerequisiteIds: ['t'],
  topicIds: ['t'],
  areas: ['history'],
  titleContains: 't',
  title: 't',
  summary: 's',
  minutes: 30,
  stem: 's',
  options: ['a'],
  answer: 0,
  explanation: 'e',
  difficulty: 0.5,
  fromTime: 0,
  toTime: 1,
  record: 'r',
  meetingId: 'mt',
  meetingIds: ['mt'],
  rows: [{ id: 'x' }],
  toId: 'c',
  seconds: 60,
  progress: 0.5,
  correct: true,
  gaps: [{ topicId: 't', severity: 0.5, reasons: ['r'], updatedAt: 0 }],
  createdAt: 0,
  minutesPerWeek: 60,
  weeks: 4,
  startsAt: 0,
  items: '[]',
  indexName: 'course_embedding',
  k: 10,
  vector: [0.1, 0.2],
  terms: ['党章'],
  viewerId: 'v',
  targetId: 't',
  source: 'AUTO',
  tags: [tag],
  dimensions: 512,
  periodFrom: 0,
  periodTo: 1,
  closesAt: 1,
  minBallots: 5,
  publicKey: 'pk',
  sealedKey: 'sk',
  voterIds: ['m'],
  appraiseeIds: ['m'],
  key: 'k',
  roundId: 'r',
  roundIds: ['r'],
  blindedHash: 'h',
  tokenHash: 'h',
  grades: '[]',
  text: 't',
  subjectId: 'm',
  subjectIds: ['m'],
  participantId: 'm',
  participantIds: ['m'],
  followUp: 'f',
  forCommittee: false,
  updatedAt: 0,
  slotIds: ['s'],
  timeoutSeconds: 300,
  data: '{}',
  year: 2025,
  paidAt: 0,
  status: 'INITIATED',
  fromBranchId: 'b',
  audience: 'BRANCH',
  audienceId: 'b',
  audienceIds: ['b'],
  publishedAt: 0,
  noticeId: 'n',
  ruleId: 'life.theme-day.minimum',
  version: 2,
  params: '{}',
  effectiveFrom: '2026-01-01',
  createdBy: 'm',
  loginName: 'l',
  passwordHash: 'h',
  mustChangePassword: true,
  failedAttempts: 0,
  lockedUntil: 0,
  totpSecret: 's',
  totpEnabled: false,
  recoveryCodeHashes: '[]',
  lastSeenAt: 0,
  expiresAt: 0,
  revokedAt: 0,
  method: 'PASSWORD',
  userAgent: 'u',
  secretHash: 'h',
  scope: 'READ',
  introspect: false,
  lastUsedAt: 0,
  onlyId: 'x',
  exceptId: 'x',
  answers: [{ key: 'A:x', id: 'x', memberId: 'm', toId: 'q', at: 0, seconds: 1, correct: true }],
  studies: [{ key: 'S:x', id: 'x', memberId: 'm', toId: 'c', at: 0, seconds: 1, progress: 0.5 }],
  keys: ['A:x'],
  members: [{ memberId: 'm', gaps: [{ topicId: 't', severity: 0.5, reasons: ['r'], updatedAt: 0 }] }],
  tallies: [{ memberId: 'm', n: 1 }],
  asOf: 0,
  genesis: '0',
  seq: 1,
  hash: 'h',
  signature: 's',
  afterSeq: 0,
  fromAt: 0,
  toAt: 1,
  entries: [{ id: 'a', seq: 1, at: 0, viewerId: 'v', action: 'READ_MEMBER', targetKind: 'Member', targetId: 'm', outcome: '', hash: 'h' }],
  by: 'm',
  previous: 'p',
  importedAt: 0,
};

/** The functions and procedures the adapter calls, with Neo4j's own signatures. */
const FUNCTIONS = ['head', 'min', 'max', 'toLower', 'coalesce', 'count', 'collect', 'size', 'range', 'toInteger', 'vector.similarity.cosine'];
const PROCEDURES = ['db.index.vector.queryNodes', 'db.awaitIndex', 'db.awaitIndexes'];

function pick<T>(registry: Record<string, T>, names: string[]): Record<string, T> {
  return Object.fromEntries(
    names.map((n) => {
      const entry = registry[n];
      if (!entry) throw new Error(`${n} is not in Neo4j's registry`);
      return [n, entry];
    }),
  );
}

const registry = testData.mockSchema;
const SCHEMA: DbSchema = {
  labels: [...NODE_LABELS],
  relationshipTypes: [...REL_TYPES],
  propertyKeys: PROPERTY_KEYS,
  parameters: PARAMETERS,
  functions: { 'CYPHER 5': pick(registry.functions!['CYPHER 5']!, FUNCTIONS) },
  procedures: { 'CYPHER 5': pick(registry.procedures!['CYPHER 5']!, PROCEDURES) },
  graphSchema: GRAPH_SCHEMA,
  defaultLanguage: 'CYPHER 5',
};

const messages = (query: string) => lintCypherQuery(query, SCHEMA).diagnostics.map((d) => `${d.message} @${d.offsets.start}`);

describe('Neo4j adapter statements lint clean', () => {
  it('covers the whole catalogue and declares exactly the parameters it uses', () => {
    expect(CATALOG.size).toBeGreaterThan(100);
    const used = new Set([...CATALOG.values()].flatMap((q) => [...q.matchAll(/\$(\w+)/g)].map((m) => m[1])));
    expect([...used].sort()).toEqual(Object.keys(PARAMETERS).sort());
  });
  for (const [name, query] of CATALOG) {
    it(name, () => {
      expect(messages(query)).toEqual([]);
    });
  }
});

describe('the linter is live', () => {
  it('flags a misspelled label, an undeclared parameter, an unknown relationship type and property', () => {
    const found = messages('MATCH (m:Membr {id: $idx})-[:BELONGS_TOO]->(b:Branch) RETURN m.nam');
    expect(found.some((m) => m.includes('Membr is not present in the database'))).toBe(true);
    expect(found.some((m) => m.startsWith('Parameter $idx is not defined.'))).toBe(true);
    expect(found.some((m) => m.includes('BELONGS_TOO is not present in the database'))).toBe(true);
    expect(found.some((m) => m.startsWith('nam is not present in the database'))).toBe(true);
  });

  it('flags a syntax error, an undeclared function and a pattern the graph cannot have', () => {
    expect(messages('MATCH (m:Member RETURN m').length).toBeGreaterThan(0);
    expect(messages('MATCH (m:Member) RETURN apoc.text.clean(m.name)').some((m) => m.includes('apoc.text.clean'))).toBe(true);
    expect(messages('MATCH (c:Course)-[:BELONGS_TO]->(b:Branch) RETURN c.id').length).toBeGreaterThan(0);
  });
});

describe("the Neo4j test suites' own statements lint clean (test/support/neo4j-test-db.ts)", () => {
  const schema: DbSchema = {
    ...SCHEMA,
    labels: [...NODE_LABELS, 'HongtuTestDatabase', 'HongtuTestLease'],
    propertyKeys: [...PROPERTY_KEYS, 'lockedAt', 'owner', 'suite', 'expiresAt'],
    parameters: { now: 0, owner: 'o', suite: 's', expiresAt: 0 },
  };
  for (const [name, query] of Object.entries(TEST_DB_Q)) {
    it(name, () => {
      expect(lintCypherQuery(query, schema).diagnostics.map((d) => `${d.message} @${d.offsets.start}`)).toEqual([]);
    });
  }
});
