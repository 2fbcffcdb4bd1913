/** Store health for `hongtu check` and readiness: row counts, vector indexes, and problems to act on. */
import { EMBEDDABLE, type EmbeddableKind } from '../model';
import type { StoreHealth } from '../store';
import type { KuzuExecutor } from './executor';
import { lopsidedProblem, lopsidedRels } from './edge-repair';
import { embeddersInUse, vectorState } from './embeddings';
import { EMBEDDING_TABLE, liveEdges, NODE_TABLES, quoteIdent, REL_TABLES, SCHEMA_VERSION } from './schema';

const COUNT_NODES = Object.fromEntries(NODE_TABLES.map((t) => [t, `MATCH (n:${quoteIdent(t)}) RETURN count(n) AS n`]));
const COUNT_RELS = Object.fromEntries(REL_TABLES.map((t) => [t, `MATCH ()-[r:${t}]->() ${liveEdges(t)}RETURN count(r) AS n`]));
const Q = {
  version: "MATCH (v:SchemaVersion {id: 'schema'}) RETURN v.version AS version",
  homeless: 'MATCH (m:Member) WHERE NOT EXISTS { MATCH (m)-[:BELONGS_TO]->(:Branch) } RETURN count(m) AS n',
} as const;

export async function storeHealth(ex: KuzuExecutor): Promise<StoreHealth> {
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  const vectorIndexes: Partial<Record<EmbeddableKind, number>> = {};
  try {
    await ex.readMany(async (r) => {
      const version = Number((await r.run(Q.version))[0]?.version ?? 0);
      if (version !== SCHEMA_VERSION) problems.push(`Schema version is ${version}, expected ${SCHEMA_VERSION}; restart to migrate`);
      for (const [t, q] of Object.entries({ ...COUNT_NODES, ...COUNT_RELS })) counts[t] = Number((await r.run(q))[0]?.n ?? 0);
      for (const l of await lopsidedRels(r)) problems.push(lopsidedProblem(l));
      const homeless = Number((await r.run(Q.homeless))[0]?.n ?? 0);
      if (homeless) problems.push(`${homeless} members belong to no branch; fix the data or re-import`);
      const dims = new Set<number>();
      for (const kind of EMBEDDABLE) {
        const st = await vectorState(r, kind);
        if (st.dim === null) continue;
        dims.add(st.dim);
        counts[EMBEDDING_TABLE[kind]] = Number((await r.run(`MATCH (e:${EMBEDDING_TABLE[kind]}) RETURN count(e) AS n`))[0]?.n ?? 0);
        if (st.indexed) vectorIndexes[kind] = st.dim;
        else problems.push(`${kind} embeddings (${st.dim} dimensions) have no vector index; run \`hongtu reembed\``);
      }
      if (dims.size > 1) problems.push(`Embedding dimensions differ between kinds (${[...dims].join(', ')}); run \`hongtu reembed\` so one embedder is used`);
    });
    for (const kind of EMBEDDABLE) {
      const used = await embeddersInUse(ex, kind);
      if (used.length > 1) problems.push(`${kind} vectors come from several embedders (${used.join(', ')}); run \`hongtu reembed\``);
    }
  } catch (e) {
    problems.push(`The Kuzu store cannot be read: ${(e as Error).message}`);
  }
  return { ok: problems.length === 0, backend: 'kuzu', problems, vectorIndexes, counts };
}
