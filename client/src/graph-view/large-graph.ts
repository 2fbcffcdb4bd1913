/**
 * The first picture of a large graph, prepared from the element list alone: node positions (the blocks of
 * cluster-layout.ts), the heads' label sizes for the fitted zoom, the side of each label that fits
 * (label-placement.ts) and the viewport that shows it all. GraphView then adds every node once, where it belongs and with its label class, and sets the
 * viewport directly. Before, cytoscape added the nodes, a preset layout moved each of them (one position
 * event and bounding-box invalidation per node), a fit measured every element's box, and the label pass
 * changed the classes of every node again (a second style pass); at 2,000 nodes that was most of the time.
 * Pure, so it is unit-tested; node sizes come from the stylesheet's KIND_LOOK, as the canvas draws them.
 */
import type { GraphElement } from './elements';
import { LARGE_GRAPH } from './layouts';
import { clusterPositions, type Point } from './cluster-layout';
import { labelBox, placeLabels, textWidth, type LabelCandidate, type LabelSide } from './label-placement';
import { KIND_LOOK } from './stylesheet';

/** Font size and priority of each kind's label (the stylesheet's font sizes). */
export const LABEL_LOOK: Record<string, { font: number; priority: number }> = {
  more: { font: 10, priority: 7 },
  university: { font: 13, priority: 6 },
  committee: { font: 12, priority: 5 },
  branch: { font: 11, priority: 4 },
  member: { font: 10, priority: 3 },
  topic: { font: 10, priority: 2 },
  course: { font: 10, priority: 1 },
};

/** The width a wrapped label may take (the stylesheet's text-max-width). */
export const LABEL_MAX_WIDTH = 90;

/** The drawn size of a node of `kind` (the stylesheet's sizes; unknown kinds as a member). */
export function nodeSize(kind: string): number {
  if (kind === 'more') return 22;
  return (KIND_LOOK as Record<string, { size: number }>)[kind]?.size ?? 16;
}

/** The label-placement candidate of a node at `p`; null for kinds without a placed label. */
export function labelCandidate(id: string, kind: string, label: string, p: Point, size: { w: number; h: number }, expanded: boolean): LabelCandidate | null {
  const look = LABEL_LOOK[kind];
  if (!look) return null;
  return { id, x: p.x, y: p.y, w: size.w, h: size.h, label, fontSize: look.font, maxWidth: LABEL_MAX_WIDTH, priority: look.priority + (expanded ? 0.5 : 0) };
}

/** The classes that put a node's label on `side` (see the stylesheet's label rules). */
export const labelClasses = (side: LabelSide) => (side === 'bottom' ? 'labelled' : `labelled label-${side}`);

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PreparedGraph {
  positions: Map<string, Point>;
  /** Side of each label that is drawn; the others show on hover. */
  sides: Map<string, LabelSide>;
  /**
   * Label font sizes (model units) of the heads of the picture (the university and the committees), chosen
   * so they read at OVERVIEW_PX on screen at the fitted zoom; the other labels keep their kind's size and
   * appear as the reader zooms in.
   */
  fonts: Map<string, number>;
  /** Model-space box around every node and drawn label. */
  box: Box;
}

/** On-screen size (px) of the heads' labels in the fitted first picture of a large graph. */
export const OVERVIEW_PX: Record<string, number> = { university: 15, committee: 13 };
/** Narrower than this (CSS px), a picture opens zoomed in (GraphView), so the heads keep their kind's size. */
export const SMALL_SCREEN = 600;
/** A head label wraps at this many of its own font sizes. */
export const OVERVIEW_EMS = 12;

const hasClass = (classes: string | undefined, c: string) => (classes ?? '').split(/\s+/).includes(c);

/**
 * Positions, label sides, head label sizes and bounds for a first picture of more than LARGE_GRAPH nodes in a
 * `viewport` (CSS px, the container's size); null for smaller graphs and for graphs with compound
 * (study-group) nodes, whose parents cytoscape sizes itself.
 */
export function prepareLargeGraph(elements: readonly GraphElement[], viewport: { w: number; h: number } = { w: 1200, h: 720 }): PreparedGraph | null {
  const nodes: { id: string; kind: string; label: string; classes?: string }[] = [];
  const edges: { source: string; target: string; kind: string }[] = [];
  const seen = new Set<string>();
  for (const el of elements) {
    if (seen.has(el.data.id)) continue;
    seen.add(el.data.id);
    if (el.group === 'nodes') {
      if (el.data.parent || el.data.kind === 'group') return null;
      nodes.push({ id: el.data.id, kind: el.data.kind, label: String(el.data.label ?? ''), classes: el.classes });
    } else edges.push({ source: el.data.source, target: el.data.target, kind: el.data.kind });
  }
  if (nodes.length <= LARGE_GRAPH) return null;
  const byNode = new Map(nodes.map((n) => [n.id, n]));
  const fonts = new Map<string, number>();
  const fontOf = (id: string, kind: string) => fonts.get(id) ?? LABEL_LOOK[kind]?.font ?? 10;
  const maxWidthOf = (id: string) => (fonts.has(id) ? OVERVIEW_EMS * fonts.get(id)! : LABEL_MAX_WIDTH);
  const sizes = {
    size: nodeSize,
    // The node, two lines of its label and a gap above its children.
    head: (kind: string) => nodeSize(kind) + 2 * (LABEL_LOOK[kind]?.font ?? 10) + 16,
    headWidth: (id: string) => {
      const n = byNode.get(id);
      return n ? Math.min(maxWidthOf(id), textWidth(n.label, fontOf(id, n.kind))) : 0;
    },
  };
  const aspect = viewport.w / Math.max(viewport.h, 1);
  // First pass: how far the fitted picture is zoomed out; then the heads' labels grow to read at that zoom
  // and the blocks make room for them.
  const nodeBox = (ps: Map<string, Point>) => {
    const b: Box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    for (const n of nodes) {
      const p = ps.get(n.id) ?? { x: 0, y: 0 };
      const s = nodeSize(n.kind) / 2;
      b.x1 = Math.min(b.x1, p.x - s);
      b.y1 = Math.min(b.y1, p.y - s);
      b.x2 = Math.max(b.x2, p.x + s);
      b.y2 = Math.max(b.y2, p.y + s);
    }
    return b;
  };
  const draft = clusterPositions(nodes, edges, sizes, aspect);
  const zoom0 = fitViewport(nodeBox(draft), viewport.w, viewport.h, 30, 0.05, 4).zoom;
  for (const n of viewport.w >= SMALL_SCREEN ? nodes : []) {
    const px = OVERVIEW_PX[n.kind];
    const base = LABEL_LOOK[n.kind]?.font ?? 10;
    if (px && base * zoom0 < px) fonts.set(n.id, Math.ceil(px / zoom0));
  }
  const positions = fonts.size
    ? clusterPositions(nodes, edges, { ...sizes, head: (kind: string) => sizes.head(kind) + (OVERVIEW_PX[kind] ? 2 * Math.ceil((OVERVIEW_PX[kind] ?? 0) / zoom0) : 0) }, aspect)
    : draft;
  const candidates: LabelCandidate[] = [];
  const box: Box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  const grow = (b: Box) => {
    box.x1 = Math.min(box.x1, b.x1);
    box.y1 = Math.min(box.y1, b.y1);
    box.x2 = Math.max(box.x2, b.x2);
    box.y2 = Math.max(box.y2, b.y2);
  };
  const byId = new Map<string, LabelCandidate>();
  for (const n of nodes) {
    const p = positions.get(n.id) ?? { x: 0, y: 0 };
    const s = nodeSize(n.kind);
    grow({ x1: p.x - s / 2, y1: p.y - s / 2, x2: p.x + s / 2, y2: p.y + s / 2 });
    const c = labelCandidate(n.id, n.kind, n.label, p, { w: s, h: s }, hasClass(n.classes, 'expanded'));
    if (c) {
      const f = fonts.get(n.id);
      const cand = f ? { ...c, fontSize: f, maxWidth: maxWidthOf(n.id) } : c;
      candidates.push(cand);
      byId.set(n.id, cand);
    }
  }
  const sides = placeLabels(candidates);
  for (const [id, side] of sides) grow(labelBox(byId.get(id)!, side));
  return { positions, sides, fonts, box };
}

/**
 * Zoom and pan that show `box` in a `width` × `height` viewport with `padding` around it, centred, as
 * cytoscape's fit does (zoom kept within [minZoom, maxZoom]).
 */
export function fitViewport(box: Box, width: number, height: number, padding: number, minZoom: number, maxZoom: number): { zoom: number; pan: Point } {
  const bw = Math.max(box.x2 - box.x1, 1);
  const bh = Math.max(box.y2 - box.y1, 1);
  const raw = Math.min((width - 2 * padding) / bw, (height - 2 * padding) / bh);
  const zoom = Math.min(maxZoom, Math.max(minZoom, Number.isFinite(raw) && raw > 0 ? raw : minZoom));
  return { zoom, pan: { x: (width - zoom * (box.x1 + box.x2)) / 2, y: (height - zoom * (box.y1 + box.y2)) / 2 } };
}
