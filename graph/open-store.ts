/**
 * Picks the store from config: Neo4j when NEO4J_URI is set, else embedded Kuzu.
 * Adapters are imported lazily so the embedded path never loads neo4j-driver and vice versa.
 */
import type { Config } from '../server/config';
import type { GraphStore } from './store';

export async function openStore(cfg: Pick<Config, 'neo4j' | 'dataDir'>): Promise<GraphStore> {
  if (cfg.neo4j) {
    const { Neo4jStore } = await import('./neo4j/neo4j-store');
    return new Neo4jStore(cfg.neo4j);
  }
  const { KuzuStore } = await import('./kuzu/kuzu-store');
  return new KuzuStore({ dir: cfg.dataDir });
}
