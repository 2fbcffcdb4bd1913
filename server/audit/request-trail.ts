/**
 * What a GraphQL request adds to the audit log besides the reads its services note:
 * - every root field of a mutation: a WRITE entry (field, target ids, outcome OK or the error code);
 * - every query field answered FORBIDDEN, UNAUTHENTICATED or NOT_FOUND: a DENIED entry (field path,
 *   the root field's target ids, code). A refused mutation is its WRITE entry with the code.
 * Only ids from the arguments are kept (`id`, `…Id`, `…Ids`, also one level inside an input object),
 * never other argument values or the request body: no passwords, texts or answers reach the log.
 */
import { type DocumentNode, type FieldNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode, getArgumentValues, Kind } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { AccessRecord } from '../../graph';

export const DENIED_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']);
const MAX_TARGET = 256;

const isIdKey = (k: string) => k === 'id' || k.endsWith('Id') || k.endsWith('Ids');

/** The ids among a field's arguments (and one level inside input objects), joined by commas, at most 256 characters. */
export function targetIds(args: Record<string, unknown>): string {
  const out: string[] = [];
  const take = (k: string, v: unknown) => {
    if (!isIdKey(k)) return;
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push(x);
  };
  for (const [k, v] of Object.entries(args)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k2, v2] of Object.entries(v)) take(k2, v2);
    else take(k, v);
  }
  const joined = [...new Set(out)].join(',');
  return joined.length > MAX_TARGET ? `${joined.slice(0, MAX_TARGET - 1)}…` : joined;
}

/** Root fields by response key (aliases included), through inline fragments and fragment spreads. */
function rootFields(doc: DocumentNode, set: SelectionSetNode, out = new Map<string, FieldNode>()): Map<string, FieldNode> {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.set(s.alias?.value ?? s.name.value, s);
    else if (s.kind === Kind.INLINE_FRAGMENT) rootFields(doc, s.selectionSet, out);
    else {
      const f = doc.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value);
      if (f && f.kind === Kind.FRAGMENT_DEFINITION) rootFields(doc, f.selectionSet, out);
    }
  }
  return out;
}

export interface TrailInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | null | undefined;
  errors: readonly GraphQLError[];
  viewerId: string;
  at: number;
  /** Root fields (response keys) whose WRITE entry was committed with their write (write-entry.ts). */
  committedWrites?: ReadonlySet<string>;
}

/** The WRITE entry of a mutation field, as `requestTrail` writes it for a field that ended without an error. */
export function writeEntry(fieldName: string, args: Record<string, unknown>, viewerId: string, at: number): AccessRecord {
  return { id: randomUUID(), at, viewerId, action: 'WRITE', targetKind: `Mutation.${fieldName}`, targetId: targetIds(args), outcome: 'OK' };
}

/** The WRITE and DENIED entries of one executed operation. */
export function requestTrail(t: TrailInput): AccessRecord[] {
  const opType = t.operation.operation;
  const root = opType === 'mutation' ? t.schema.getMutationType() : t.schema.getQueryType();
  if (!root || opType === 'subscription') return [];
  const typeName = opType === 'mutation' ? 'Mutation' : 'Query';
  const fields = rootFields(t.document, t.operation.selectionSet);
  const idsOf = (node: FieldNode | undefined): string => {
    const def = node && root.getFields()[node.name.value];
    if (!node || !def) return '';
    try {
      return targetIds(getArgumentValues(def, node, (t.variables ?? {}) as Record<string, unknown>));
    } catch {
      return '';
    }
  };
  const codeOf = (e: GraphQLError) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const row = (action: string, targetKind: string, targetId: string, outcome: string): AccessRecord => ({
    id: randomUUID(),
    at: t.at,
    viewerId: t.viewerId,
    action,
    targetKind,
    targetId,
    outcome,
  });
  const rows: AccessRecord[] = [];
  if (opType === 'mutation') {
    for (const [key, node] of fields) {
      const err = t.errors.find((e) => e.path?.[0] === key);
      // Written with the field's event already; a field that ended with an error still gets its entry here.
      if (!err && t.committedWrites?.has(key)) continue;
      rows.push(row('WRITE', `${typeName}.${node.name.value}`, idsOf(node), err ? codeOf(err) : 'OK'));
    }
    return rows;
  }
  const seen = new Set<string>();
  for (const e of t.errors) {
    const code = codeOf(e);
    if (!DENIED_CODES.has(code)) continue;
    const key = typeof e.path?.[0] === 'string' ? e.path[0] : null;
    const node = key ? fields.get(key) : undefined;
    const nested = (e.path ?? []).slice(1).filter((p): p is string => typeof p === 'string');
    const field = node ? [`${typeName}.${node.name.value}`, ...nested].join('.') : `${typeName}.${t.operation.name?.value ?? '(anonymous)'}`;
    const dedupe = `${field}\u0000${code}\u0000${key}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    rows.push(row('DENIED', field, idsOf(node), code));
  }
  return rows;
}
