/**
 * Every statement the Neo4j adapter can send, by a dotted name (`Q.listMembers`, `TAG_Q.Course.create`, ...).
 * The executor refuses text that is not in here, and test/neo4j-lint.test.ts lints each entry, so the linted
 * set and the sent set are the same set.
 */
import { APPRAISAL_CONSTRAINTS, APPRAISAL_Q } from './appraisal';
import { ACCOUNT_DDL, ACCOUNT_Q } from './accounts-queries';
import { AFFAIRS_Q } from './affairs-queries';
import { RECORDS_Q } from './records-queries';
import { AUDIT_DDL, AUDIT_Q } from './audit-queries';
import { BATCH_Q, OUTBOX_Q } from './batch-queries';
import { BULK_EXPORT, BULK_LOAD } from './bulk-queries';
import { LEARNING_Q } from './learning-summary';
import { CREATE_VECTOR_INDEX, DROP_VECTOR_INDEX, NODE_ID_CONSTRAINTS, RANGE_INDEXES, REL_ID_CONSTRAINTS, SCHEMA_Q } from './ddl';
import { CLEAR_Q, EMBED_Q, LOCK, MISSING, Q, TAG_Q } from './queries';
import { RULE_FACTS_Q } from './rule-facts';

type Tree = string | { readonly [k: string]: Tree };

function flatten(prefix: string, tree: Tree, out: Map<string, string>): void {
  if (typeof tree === 'string') {
    out.set(prefix, tree);
    return;
  }
  for (const [k, v] of Object.entries(tree)) flatten(prefix ? `${prefix}.${k}` : k, v, out);
}

/** name → statement text, for every statement of the adapter. */
export const CATALOG: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  flatten(
    '',
    {
      Q,
      CLEAR_Q,
      MISSING,
      LOCK,
      TAG_Q,
      EMBED_Q,
      NODE_ID_CONSTRAINTS,
      REL_ID_CONSTRAINTS,
      RANGE_INDEXES,
      CREATE_VECTOR_INDEX,
      DROP_VECTOR_INDEX,
      SCHEMA_Q,
      BULK_LOAD,
      BULK_EXPORT,
      AFFAIRS_Q,
      ACCOUNT_Q,
      ACCOUNT_DDL,
      APPRAISAL_Q,
      APPRAISAL_CONSTRAINTS,
      BATCH_Q,
      OUTBOX_Q,
      RULE_FACTS_Q,
      LEARNING_Q,
      AUDIT_Q,
      AUDIT_DDL,
      RECORDS_Q,
    },
    out,
  );
  return out;
})();

const KNOWN = new Set(CATALOG.values());

/** True when `text` is one of the catalogued statements. */
export const isCatalogued = (text: string): boolean => KNOWN.has(text);
