/**
 * Picks the store: Neo4j when a connection is given, else embedded Kuzu in `dataDir`.
 * Adapters are imported lazily so the embedded path never loads neo4j-driver and vice versa.
 */
import type { GraphStore } from './store';

/** Where a Neo4j store lives. */
export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** What openStore needs to know; the server's Config satisfies it. */
export interface StoreTarget {
  neo4j: Neo4jTarget | null;
  /** Kuzu data directory (the database file is `<dataDir>/hongtu.kuzu`). */
  dataDir: string;
}

export async function openStore(cfg: StoreTarget): Promise<GraphStore> {
  if (cfg.neo4j) {
    const { Neo4jStore } = await import('./neo4j/neo4j-store');
    return new Neo4jStore(cfg.neo4j);
  }
  const { KuzuStore } = await import('./kuzu/kuzu-store');
  return new KuzuStore({ dir: cfg.dataDir });
}
