/**
 * The element shape GraphView accepts. Deliberately cytoscape-free so features can build elements without
 * importing cytoscape (only graph-view/ imports it). Ids are stable and namespaced: `member:m-17`.
 */
export type NodeKind = 'university' | 'committee' | 'branch' | 'member' | 'topic' | 'course' | 'group' | 'more';

export interface NodeData {
  id: string;
  kind: NodeKind;
  label: string;
  /** Compound parent (a study group), if any. */
  parent?: string;
  stage?: string;
  /** 0..1 average mastery, when known. */
  mastery?: number;
  /** 0..1 attendance rate, when known. */
  attendance?: number;
  /** Free extra fields (e.g. the domain id) for click handlers. */
  [key: string]: unknown;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  kind: 'under' | 'gap' | 'path' | 'covers' | 'studied' | 'more';
  label?: string;
  [key: string]: unknown;
}

export type GraphElement = { group: 'nodes'; data: NodeData; classes?: string } | { group: 'edges'; data: EdgeData; classes?: string };

/** Node element helper. */
export const node = (data: NodeData, classes?: string): GraphElement => ({ group: 'nodes', data, classes });
/** Edge element helper; the id is derived from the ends and kind unless given, so it stays stable. */
export const edge = (source: string, target: string, kind: EdgeData['kind'], extra: Partial<EdgeData> = {}): GraphElement => ({
  group: 'edges',
  data: { id: `${kind}:${source}->${target}`, source, target, kind, ...extra },
});

/** A stable graph id for a domain object: `graphId('member', 'm-17')` → `member:m-17`. */
export const graphId = (kind: NodeKind, id: string) => `${kind}:${id}`;

/** The domain id back from a graph id: `member:m-17` → `m-17`. */
export const domainId = (gid: string) => gid.slice(gid.indexOf(':') + 1);
