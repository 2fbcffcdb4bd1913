/**
 * Stylesheets, one per colouring mode and ramp range, cached, so switching mode is `cy.style(styleFor(...))`
 * and never re-creates the instance. Colours by property: stage, mastery or attendance. Labels are drawn
 * only for nodes marked `labelled` (placed without overlap, see label-placement.ts), hovered, selected or
 * found, so a dense picture stays readable.
 */
import type { StylesheetJson } from 'cytoscape';

export type StyleMode = 'stage' | 'mastery' | 'attendance';

/** Stage colours, also used by the legend. */
export const STAGE_COLORS: Record<string, string> = {
  APPLICANT: '#90a4ae',
  ACTIVIST: '#26a69a',
  CANDIDATE: '#f9a825',
  PROBATIONARY: '#ef6c00',
  FULL: '#c62828',
};
/** Low → high ramp for mastery and attendance (legend uses the same ends). */
export const RAMP = { low: '#e53935', high: '#1e88e5', none: '#cfd8dc' } as const;
/**
 * The default ramp ends when no data is shown yet. Pages fit the ramp to the range of the values on screen
 * (`fitRange`), so members who differ look different, and the legend states the same ends.
 */
export const RAMP_RANGE = { mastery: [0, 0.6], attendance: [0.5, 1] } as const;
export type RampRange = readonly [number, number];

/** Shape and colour of each node kind: the canvas and the legend both read this. */
export const KIND_LOOK = {
  university: { shape: 'star', color: '#b71c1c', size: 44 },
  committee: { shape: 'hexagon', color: '#d32f2f', size: 34 },
  branch: { shape: 'round-rectangle', color: '#e57373', size: 26 },
  member: { shape: 'ellipse', color: '#90a4ae', size: 16 },
  topic: { shape: 'diamond', color: '#7e57c2', size: 18 },
  course: { shape: 'round-tag', color: '#5c6bc0', size: 18 },
} as const;

/**
 * The ramp's ends for the values shown: from the lowest to the highest, widened to at least 0.1 around
 * their middle so a nearly uniform group does not look wildly different; null with no values.
 */
export function fitRange(values: readonly number[]): RampRange | null {
  if (values.length === 0) return null;
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < 0.1) {
    const mid = (lo + hi) / 2;
    lo = Math.max(0, mid - 0.05);
    hi = Math.min(1, lo + 0.1);
    lo = hi - 0.1;
  }
  return [Math.round(lo * 100) / 100, Math.round(hi * 100) / 100];
}

const BASE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: '',
      'font-size': 10,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      color: '#37474f',
      'background-color': '#90a4ae',
      width: 16,
      height: 16,
      'border-width': 1,
      'border-color': '#fff',
      'text-wrap': 'wrap',
      'text-overflow-wrap': 'anywhere',
      'text-max-width': '90px',
      'min-zoomed-font-size': 7,
    },
  },
  ...(['university', 'committee', 'branch', 'topic', 'course'] as const).map((k) => ({
    selector: `node[kind = "${k}"]`,
    style: {
      shape: KIND_LOOK[k].shape,
      width: KIND_LOOK[k].size,
      height: KIND_LOOK[k].size,
      'background-color': KIND_LOOK[k].color,
      ...(k === 'university' ? { 'font-size': 13, 'font-weight': 'bold' as const } : k === 'committee' ? { 'font-size': 12 } : k === 'branch' ? { 'font-size': 11 } : {}),
    },
  })),
  {
    selector: 'node[kind = "more"]',
    style: { shape: 'ellipse', width: 22, height: 22, 'background-color': '#fff', 'border-width': 2, 'border-color': '#90a4ae', 'border-style': 'dashed', color: '#546e7a' },
  },
  {
    selector: 'node[kind = "group"]',
    style: {
      shape: 'round-rectangle',
      'background-color': '#fff8e1',
      'background-opacity': 0.6,
      'border-color': '#ffb300',
      'border-width': 1,
      'border-style': 'dashed',
      'text-valign': 'top',
      'text-margin-y': -4,
      'font-size': 11,
      color: '#8d6e00',
      padding: '10px',
    },
  },
  // The heads of a large picture: labels sized to read at its fitted zoom (large-graph.ts).
  { selector: 'node[fontSize]', style: { 'font-size': 'data(fontSize)', 'text-max-width': 'data(labelWidth)' } },
  // Labels: placed ones, and any the reader points at (hover, selection, search), on a white ground.
  { selector: 'node.labelled, node[kind = "group"]', style: { label: 'data(label)' } },
  // The side label-placement.ts chose when below was taken (margins as LABEL_GAP there).
  { selector: 'node.label-top', style: { 'text-valign': 'top', 'text-margin-y': -3 } },
  { selector: 'node.label-right', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 3, 'text-margin-y': 0 } },
  { selector: 'node.label-left', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-x': -3, 'text-margin-y': 0 } },
  {
    selector: 'node.hover, node:selected, node.match',
    style: { label: 'data(label)', 'z-index': 10, 'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': '2px', 'min-zoomed-font-size': 0 },
  },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#ffd54f' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#263238' } },
  { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#00e5ff' } },
  { selector: 'edge', style: { width: 1, 'line-color': '#cfd8dc', 'curve-style': 'haystack', opacity: 0.9 } },
  { selector: 'edge[kind = "gap"]', style: { 'line-color': '#b39ddb', 'line-style': 'dashed', width: 1 } },
  {
    selector: 'edge[kind = "path"]',
    style: {
      'curve-style': 'bezier',
      'line-color': '#ef6c00',
      width: 2,
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#ef6c00',
      label: 'data(label)',
      'font-size': 9,
      'text-rotation': 'autorotate',
      color: '#6d4c41',
    },
  },
];

const memberBy = (mode: StyleMode, range: RampRange | null): StylesheetJson => {
  if (mode === 'stage') {
    return Object.entries(STAGE_COLORS).map(([stage, color]) => ({
      selector: `node[kind = "member"][stage = "${stage}"]`,
      style: { 'background-color': color },
    }));
  }
  const field = mode === 'mastery' ? 'mastery' : 'attendance';
  const [lo, hi] = range ?? RAMP_RANGE[field];
  return [
    { selector: 'node[kind = "member"]', style: { 'background-color': RAMP.none } },
    { selector: `node[kind = "member"][${field} >= 0]`, style: { 'background-color': `mapData(${field}, ${lo}, ${hi}, ${RAMP.low}, ${RAMP.high})` } },
    { selector: `node[kind = "member"][${field} < ${lo}]`, style: { 'background-color': RAMP.low } },
    { selector: `node[kind = "member"][${field} > ${hi}]`, style: { 'background-color': RAMP.high } },
  ];
};

// Mode rules go after the kind rules and before the label and selection rules, so a selected node keeps its highlight.
const SPLIT = BASE.findIndex((r) => r.selector.startsWith('node.labelled'));
const cache = new Map<string, StylesheetJson>();

/** The stylesheet for a colouring mode and (for mastery and attendance) the ramp's ends. */
export function styleFor(mode: StyleMode, range: RampRange | null = null): StylesheetJson {
  const key = `${mode}:${mode === 'stage' ? '' : (range?.join('-') ?? '')}`;
  let s = cache.get(key);
  if (!s) {
    s = [...BASE.slice(0, SPLIT), ...memberBy(mode, mode === 'stage' ? null : range), ...BASE.slice(SPLIT)];
    cache.set(key, s);
  }
  return s;
}
