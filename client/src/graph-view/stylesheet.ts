/**
 * Stylesheets as module constants, one per colouring mode, so switching mode is `cy.style(STYLES[mode])`
 * and never re-creates the instance. Colours by property: stage, mastery or attendance.
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
 * Where the ramp starts and ends. Mastery saturates at 0.6, the usual stage target, so "blue" means "meets
 * it"; attendance below 50% is already alarming, so the ramp spans 0.5–1 where branches actually differ.
 */
export const RAMP_RANGE = { mastery: [0, 0.6], attendance: [0.5, 1] } as const;

const BASE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#37474f',
      'background-color': '#90a4ae', width: 16, height: 16, 'border-width': 1, 'border-color': '#fff',
      'text-wrap': 'ellipsis', 'text-max-width': '90px', 'min-zoomed-font-size': 7,
    },
  },
  { selector: 'node[kind = "university"]', style: { shape: 'star', width: 44, height: 44, 'background-color': '#b71c1c', 'font-size': 13, 'font-weight': 'bold' } },
  { selector: 'node[kind = "committee"]', style: { shape: 'hexagon', width: 34, height: 34, 'background-color': '#d32f2f', 'font-size': 12 } },
  { selector: 'node[kind = "branch"]', style: { shape: 'round-rectangle', width: 26, height: 26, 'background-color': '#e57373', 'font-size': 11 } },
  { selector: 'node[kind = "topic"]', style: { shape: 'diamond', width: 18, height: 18, 'background-color': '#7e57c2' } },
  { selector: 'node[kind = "course"]', style: { shape: 'round-tag', width: 18, height: 18, 'background-color': '#5c6bc0' } },
  { selector: 'node[kind = "more"]', style: { shape: 'ellipse', width: 22, height: 22, 'background-color': '#fff', 'border-width': 2, 'border-color': '#90a4ae', 'border-style': 'dashed', color: '#546e7a' } },
  {
    selector: 'node[kind = "group"]',
    style: {
      shape: 'round-rectangle', 'background-color': '#fff8e1', 'background-opacity': 0.6, 'border-color': '#ffb300',
      'border-width': 1, 'border-style': 'dashed', 'text-valign': 'top', 'text-margin-y': -4, 'font-size': 11, color: '#8d6e00', padding: '10px',
    },
  },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#ffd54f' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#263238' } },
  { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#00e5ff' } },
  { selector: 'edge', style: { width: 1, 'line-color': '#cfd8dc', 'curve-style': 'haystack', opacity: 0.9 } },
  { selector: 'edge[kind = "gap"]', style: { 'line-color': '#b39ddb', 'line-style': 'dashed', width: 1 } },
  {
    selector: 'edge[kind = "path"]',
    style: { 'curve-style': 'bezier', 'line-color': '#ef6c00', width: 2, 'target-arrow-shape': 'triangle', 'target-arrow-color': '#ef6c00', label: 'data(label)', 'font-size': 9, 'text-rotation': 'autorotate', color: '#6d4c41' },
  },
];

const memberBy = (mode: StyleMode): StylesheetJson => {
  if (mode === 'stage') {
    return Object.entries(STAGE_COLORS).map(([stage, color]) => ({
      selector: `node[kind = "member"][stage = "${stage}"]`, style: { 'background-color': color },
    }));
  }
  const field = mode === 'mastery' ? 'mastery' : 'attendance';
  const [lo, hi] = RAMP_RANGE[field];
  return [
    { selector: 'node[kind = "member"]', style: { 'background-color': RAMP.none } },
    { selector: `node[kind = "member"][${field} >= 0]`, style: { 'background-color': `mapData(${field}, ${lo}, ${hi}, ${RAMP.low}, ${RAMP.high})` } },
    { selector: `node[kind = "member"][${field} < ${lo}]`, style: { 'background-color': RAMP.low } },
    { selector: `node[kind = "member"][${field} > ${hi}]`, style: { 'background-color': RAMP.high } },
  ];
};

// Mode rules go before the selection/match rules so a selected node still shows its highlight.
const withMode = (mode: StyleMode): StylesheetJson => [...BASE.slice(0, 8), ...memberBy(mode), ...BASE.slice(8)];

/** The three stylesheets; pass one to GraphView's `styleMode`. */
export const STYLES: Record<StyleMode, StylesheetJson> = {
  stage: withMode('stage'),
  mastery: withMode('mastery'),
  attendance: withMode('attendance'),
};
