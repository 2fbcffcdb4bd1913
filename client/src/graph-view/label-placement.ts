/**
 * Which labels to draw, and where, so that no two overlap and none covers another node: a greedy pass in
 * priority order, trying below, above, right and left of the node, over a uniform grid (each label tests only
 * the cells it covers), so it stays linear in the number of nodes. Positions and sizes are in model units, the units cytoscape scales by zoom, so the answer does
 * not change with zoom; a label left out is shown on hover, on selection, and in the node list.
 */

export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  /** The node's own width and height. */
  w: number;
  h: number;
  label: string;
  fontSize: number;
  /** Cut with an ellipsis beyond this width. */
  maxWidth: number;
  /** Higher goes first (the university before a committee before a member). */
  priority: number;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A CJK character is about one em wide; Latin letters and digits about 0.65 em. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? fontSize : 0.65 * fontSize;
  return w;
}

/** Where a label goes relative to its node: below first, then above, right, left. */
export type LabelSide = 'bottom' | 'top' | 'right' | 'left';
export const LABEL_SIDES: readonly LabelSide[] = ['bottom', 'top', 'right', 'left'];
/** Gap between a node and its label, in model units (the stylesheet's text margins). */
export const LABEL_GAP = 3;

/**
 * The box of a label on one side of its node. Labels wrap at `maxWidth` (anywhere, as CJK text has no
 * spaces), so a long name takes two lines rather than being cut.
 */
export function labelBox(c: LabelCandidate, side: LabelSide = 'bottom'): Box {
  const full = textWidth(c.label, c.fontSize);
  const lines = Math.max(1, Math.ceil((full * 1.1) / c.maxWidth));
  // A little wider and taller than the estimate: fonts differ, and touching labels read as one.
  const w = Math.min(c.maxWidth, full) * 1.1 + 4;
  const h = lines * 1.3 * c.fontSize + 2;
  switch (side) {
    case 'top': {
      const bottom = c.y - c.h / 2 - LABEL_GAP;
      return { x1: c.x - w / 2, y1: bottom - h, x2: c.x + w / 2, y2: bottom };
    }
    case 'right': {
      const left = c.x + c.w / 2 + LABEL_GAP;
      return { x1: left, y1: c.y - h / 2, x2: left + w, y2: c.y + h / 2 };
    }
    case 'left': {
      const right = c.x - c.w / 2 - LABEL_GAP;
      return { x1: right - w, y1: c.y - h / 2, x2: right, y2: c.y + h / 2 };
    }
    default: {
      const top = c.y + c.h / 2 + LABEL_GAP;
      return { x1: c.x - w / 2, y1: top, x2: c.x + w / 2, y2: top + h };
    }
  }
}

const nodeBox = (c: LabelCandidate): Box => ({ x1: c.x - c.w / 2, y1: c.y - c.h / 2, x2: c.x + c.w / 2, y2: c.y + c.h / 2 });
const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** For each label that can be drawn without overlapping another label or another node, the side it goes on. */
export function placeLabels(candidates: readonly LabelCandidate[]): Map<string, LabelSide> {
  const cell = 40;
  const grid = new Map<string, { owner: string; box: Box }[]>();
  const cells = (b: Box) => {
    const out: string[] = [];
    for (let gx = Math.floor(b.x1 / cell); gx <= Math.floor(b.x2 / cell); gx++) {
      for (let gy = Math.floor(b.y1 / cell); gy <= Math.floor(b.y2 / cell); gy++) out.push(`${gx},${gy}`);
    }
    return out;
  };
  const insert = (owner: string, box: Box) => {
    for (const k of cells(box)) {
      const l = grid.get(k);
      if (l) l.push({ owner, box });
      else grid.set(k, [{ owner, box }]);
    }
  };
  const free = (owner: string, box: Box) => {
    for (const k of cells(box)) {
      for (const o of grid.get(k) ?? []) if (o.owner !== owner && overlaps(box, o.box)) return false;
    }
    return true;
  };
  // Every node body is an obstacle for every other node's label.
  for (const c of candidates) insert(c.id, nodeBox(c));
  const placed = new Map<string, LabelSide>();
  const order = [...candidates].filter((c) => c.label).sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const c of order) {
    for (const side of LABEL_SIDES) {
      const box = labelBox(c, side);
      if (!free(c.id, box)) continue;
      placed.set(c.id, side);
      insert(c.id, box);
      break;
    }
  }
  return placed;
}
