import type { GraphElement } from './elements';

/** What has to change in the live graph to match the next element list. */
export interface ElementDiff {
  /** New nodes, compound parents before their children. */
  addNodes: GraphElement[];
  /** New edges (added after all nodes exist). */
  addEdges: GraphElement[];
  /** Ids to remove (nodes and edges). */
  remove: string[];
  /** Existing elements whose data or classes changed. */
  update: GraphElement[];
  /** Existing nodes whose compound parent changed (moved before parents are removed). */
  reparent: { id: string; parent: string | null }[];
  /** True when the set of ids changed, i.e. the layout must run again. */
  setChanged: boolean;
}

/** The live state GraphView compares against: id → element as last applied. */
export type LiveElements = ReadonlyMap<string, GraphElement>;

const sameData = (a: GraphElement, b: GraphElement) => {
  if ((a.classes ?? '') !== (b.classes ?? '')) return false;
  const ka = Object.keys(a.data);
  const kb = Object.keys(b.data);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => (a.data as Record<string, unknown>)[k] === (b.data as Record<string, unknown>)[k]);
};

/**
 * Compare the live elements with the next list by stable id. Pure, so it is unit-tested; GraphView applies
 * the result inside one `cy.batch()`. Duplicate ids in `next` keep the first occurrence.
 */
export function diffElements(live: LiveElements, next: readonly GraphElement[]): ElementDiff {
  const seen = new Set<string>();
  const addNodes: GraphElement[] = [];
  const addEdges: GraphElement[] = [];
  const update: GraphElement[] = [];
  const reparent: { id: string; parent: string | null }[] = [];
  for (const el of next) {
    const id = el.data.id;
    if (seen.has(id)) continue;
    seen.add(id);
    const prev = live.get(id);
    if (!prev) {
      (el.group === 'nodes' ? addNodes : addEdges).push(el);
      continue;
    }
    if (el.group === 'nodes') {
      const before = (prev.data.parent as string | undefined) ?? null;
      const after = (el.data.parent as string | undefined) ?? null;
      if (before !== after) reparent.push({ id, parent: after });
    }
    if (!sameData(prev, el)) update.push(el);
  }
  const remove = [...live.keys()].filter((id) => !seen.has(id));
  const parents = new Set(addNodes.map((n) => n.data.parent).filter(Boolean));
  addNodes.sort((a, b) => Number(!parents.has(a.data.id)) - Number(!parents.has(b.data.id)));
  return { addNodes, addEdges, remove, update, reparent, setChanged: addNodes.length + addEdges.length + remove.length > 0 };
}
