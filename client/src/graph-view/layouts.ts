/**
 * Layout options. fCoSE (spectral start + force refinement) gives the best small and medium pictures and
 * handles the study-group compounds; a first layout starts from a spectral placement, later ones (an
 * expansion, undo) keep the current positions as the start, so the picture moves little. Beyond
 * LARGE_GRAPH nodes a force layout takes seconds, so the blocks of cluster-layout.ts place the nodes in one
 * linear pass (a first large picture is placed before it is added: large-graph.ts).
 */
import type { Core, LayoutOptions } from 'cytoscape';
import { clusterPositions } from './cluster-layout';
import { KIND_LOOK } from './stylesheet';

const COMMON = {
  name: 'fcose',
  animate: false,
  fit: true,
  padding: 30,
  packComponents: true,
  nodeRepulsion: () => 6000,
  idealEdgeLength: () => 55,
  edgeElasticity: () => 0.45,
  nestingFactor: 0.1,
  gravity: 0.25,
  gravityCompound: 1.0,
  nodeSeparation: 60,
  numIter: 2500,
  tile: true,
};

/** First layout of a small or medium graph. */
export const LAYOUT_INITIAL = { ...COMMON, quality: 'default', randomize: true } as unknown as LayoutOptions;
/** Re-layout after an expansion or undo: start from where nodes are. */
export const LAYOUT_INCREMENTAL = { ...COMMON, quality: 'default', randomize: false } as unknown as LayoutOptions;

/** Above this many nodes the draft layout is used. */
export const LARGE_GRAPH = 1000;

/** Pick the layout for the graph now in `cy`; `first` when nothing was on screen before. */
export function layoutFor(cy: Core, first: boolean): LayoutOptions {
  const n = cy.nodes().length;
  if (n <= LARGE_GRAPH) return first ? LAYOUT_INITIAL : LAYOUT_INCREMENTAL;
  const size = (kind: string) => (kind === 'more' ? 22 : ((KIND_LOOK as Record<string, { size: number }>)[kind]?.size ?? 16));
  const positions = clusterPositions(
    cy.nodes().map((x) => ({ id: x.id(), kind: String(x.data('kind')) })),
    cy.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string, kind: String(e.data('kind')) })),
    { size, head: (kind) => size(kind) + 36, headWidth: () => 90 },
    cy.width() / Math.max(cy.height(), 1),
  );
  return { name: 'preset', positions: (node: { id(): string }) => positions.get(node.id()) ?? { x: 0, y: 0 }, fit: true, padding: 30, animate: false } as unknown as LayoutOptions;
}
