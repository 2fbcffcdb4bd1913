import cytoscape, { type Core, type EventObject } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { diffElements } from './diff-elements';
import type { GraphElement } from './elements';
import { placeLabels, type LabelCandidate } from './label-placement';
import { fitViewport, labelCandidate, labelClasses, OVERVIEW_EMS, prepareLargeGraph, SMALL_SCREEN } from './large-graph';
import { LARGE_GRAPH, layoutFor } from './layouts';
import { styleFor, type RampRange, type StyleMode } from './stylesheet';
import { exposeDebugCy } from './debug';

cytoscape.use(fcose);

/** What a page can ask of the graph without touching cytoscape. */
export interface GraphViewHandle {
  fit(): void;
  zoomBy(factor: number): void;
  /** Select and centre a node; false when it is not in the graph. */
  focus(id: string): boolean;
  /** PNG of the whole graph as a data URL. */
  png(): string;
}

export interface GraphViewProps {
  elements: readonly GraphElement[];
  /**
   * Edges that are not drawn but place the nodes of a large first picture (e.g. gap edges held back until
   * asked for: topics still sit next to the members they concern), so showing them later moves nothing.
   */
  placeWith?: readonly GraphElement[];
  styleMode?: StyleMode;
  /** The mastery/attendance ramp's ends (fitted to the data by the page; the legend shows the same). */
  rampRange?: RampRange | null;
  onNodeTap?: (id: string) => void;
  onNodeDoubleTap?: (id: string) => void;
  /** Ids to highlight (search matches). */
  highlight?: readonly string[];
  /** Read out to screen readers, e.g. "120 nodes, 180 edges". */
  label: string;
  /** Called after each layout with its duration (the bench reads this). */
  onLayout?: (ms: number) => void;
  className?: string;
  ref?: Ref<GraphViewHandle>;
}

/**
 * The one owner of a cytoscape instance: created on mount, destroyed on unmount, events bound once.
 * Element changes are diffed by stable id and applied in one `cy.batch()`; the layout re-runs only when the
 * set of ids changed. Stylesheets and layouts are module constants.
 */
export function GraphView({ elements, placeWith, styleMode = 'stage', rampRange = null, onNodeTap, onNodeDoubleTap, highlight, label, onLayout, className, ref }: GraphViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const liveRef = useRef(new Map<string, GraphElement>());
  const styleRef = useRef(styleFor('stage'));
  // Handlers in refs so the events are bound once and always call the latest props.
  const handlers = useRef({ onNodeTap, onNodeDoubleTap, onLayout });
  handlers.current = { onNodeTap, onNodeDoubleTap, onLayout };

  useEffect(() => {
    const cy = cytoscape({
      container: containerRef.current,
      style: styleRef.current,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      // Large pictures: draw edges and labels again only when panning or zooming stops.
      hideEdgesOnViewport: true,
      textureOnViewport: true,
    });
    cyRef.current = cy;
    const live = liveRef.current;
    cy.on('tap', 'node', (e: EventObject) => handlers.current.onNodeTap?.(e.target.id()));
    cy.on('dbltap', 'node', (e: EventObject) => handlers.current.onNodeDoubleTap?.(e.target.id()));
    cy.on('mouseover', 'node', (e: EventObject) => {
      e.target.addClass('hover');
    });
    cy.on('mouseout', 'node', (e: EventObject) => {
      e.target.removeClass('hover');
    });
    const unexpose = exposeDebugCy(cy);
    return () => {
      unexpose();
      cy.destroy();
      cyRef.current = null;
      live.clear();
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    const sheet = styleFor(styleMode, rampRange);
    // The instance starts with the stage sheet: setting the same one again would restyle every element.
    if (cy && sheet !== styleRef.current) {
      styleRef.current = sheet;
      cy.style(sheet);
    }
  }, [styleMode, rampRange]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: placeWith only shapes the first picture
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const live = liveRef.current;
    const first = live.size === 0;
    const t0 = performance.now();
    const d = diffElements(live, elements);
    // Only edges come or go: every node stays where it is.
    const edgesOnly = d.addNodes.length === 0 && d.reparent.length === 0 && d.remove.every((id) => live.get(id)?.group === 'edges');
    // A large first picture: positions, label sides and viewport from the elements, before anything is added.
    const prepared = first ? prepareLargeGraph(placeWith?.length ? [...elements, ...placeWith] : elements, { w: cy.width(), h: cy.height() }) : null;
    const prepareMs = performance.now() - t0;
    const neighbours = live.size > 0 && d.addNodes.length > 0 ? neighbourMap(elements) : null;
    cy.batch(() => {
      // One add per kind of element: cytoscape checks ids and builds indexes once per call, not per element.
      if (d.addNodes.length) {
        cy.add(
          d.addNodes.map((el) => {
            if (prepared) {
              const side = prepared.sides.get(el.data.id);
              const classes = [el.classes, side ? labelClasses(side) : ''].filter(Boolean).join(' ');
              const font = prepared.fonts.get(el.data.id);
              const data = font ? { ...el.data, fontSize: font, labelWidth: OVERVIEW_EMS * font } : { ...el.data };
              return { ...el, data, position: { ...prepared.positions.get(el.data.id)! }, classes };
            }
            const anchor = neighbours ? anchorPosition(cy, el.data.id, neighbours) : null;
            return { ...el, data: { ...el.data }, ...(anchor ? { position: anchor } : {}) };
          }),
        );
      }
      for (const r of d.reparent) cy.getElementById(r.id).move({ parent: r.parent });
      if (d.remove.length) {
        const gone = cy.collection();
        for (const id of d.remove) gone.merge(cy.getElementById(id));
        cy.remove(gone);
      }
      if (d.addEdges.length) cy.add(d.addEdges.map((el) => ({ ...el, data: { ...el.data } })));
      for (const el of d.update) {
        const ele = cy.getElementById(el.data.id);
        ele.data({ ...el.data });
        ele.classes(el.classes ?? '');
      }
    });
    for (const id of d.remove) live.delete(id);
    for (const el of [...d.addNodes, ...d.addEdges, ...d.update]) live.set(el.data.id, el);
    performance.measure('graph:apply', { start: t0 });
    if (prepared) {
      // Already placed and labelled: only the viewport is left (what a layout's fit would do).
      const started = performance.now();
      const { zoom, pan } = fitViewport(prepared.box, cy.width(), cy.height(), 30, cy.minZoom(), cy.maxZoom());
      cy.viewport({ zoom, pan });
      readableOnSmallScreens(cy);
      performance.measure('graph:layout', { start: started });
      handlers.current.onLayout?.(prepareMs + performance.now() - started);
    } else if (d.setChanged && cy.nodes().length > 0 && !(edgesOnly && cy.nodes().length > LARGE_GRAPH)) {
      // (A large picture keeps its places when only edges come or go: the blocks would not move.)
      const started = performance.now();
      const layout = cy.layout(layoutFor(cy, first));
      layout.one('layoutstop', () => {
        const l0 = performance.now();
        placeNodeLabels(cy);
        performance.measure('graph:labels', { start: l0 });
        readableOnSmallScreens(cy);
      });
      layout.run();
      performance.measure('graph:layout', { start: started });
      handlers.current.onLayout?.(performance.now() - started);
    } else if (d.update.length) {
      placeNodeLabels(cy);
    }
  }, [elements]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: new elements replace the nodes, so the highlight is applied again
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes('.match').removeClass('match');
      for (const id of highlight ?? []) cy.getElementById(id).addClass('match');
    });
  }, [highlight, elements]);

  useImperativeHandle(
    ref,
    () => ({
      fit: () => {
        cyRef.current?.fit(undefined, 30);
      },
      zoomBy: (factor) => {
        const cy = cyRef.current;
        if (!cy) return;
        cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      },
      focus: (id) => {
        const cy = cyRef.current;
        const n = cy?.getElementById(id);
        if (!cy || !n || n.empty()) return false;
        cy.elements(':selected').unselect();
        n.select();
        cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
        return true;
      },
      png: () => cyRef.current?.png({ full: true, scale: 2, bg: '#ffffff' }) ?? '',
    }),
    [],
  );

  return <div ref={containerRef} className={`graph-view ${className ?? ''}`} role="img" aria-label={label} data-testid="graph-view" />;
}

function neighbourMap(all: readonly GraphElement[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const push = (a: string, b: string) => {
    const l = m.get(a);
    if (l) l.push(b);
    else m.set(a, [b]);
  };
  for (const el of all)
    if (el.group === 'edges') {
      push(el.data.source, el.data.target);
      push(el.data.target, el.data.source);
    }
  return m;
}

/** New nodes start next to an existing neighbour, so an expansion grows from the node that was clicked. */
function anchorPosition(cy: Core, id: string, neighbours: Map<string, string[]>) {
  for (const nb of neighbours.get(id) ?? []) {
    const n = cy.getElementById(nb);
    if (n.nonempty() && n.isNode()) {
      const p = n.position();
      return { x: p.x + (Math.random() - 0.5) * 40, y: p.y + (Math.random() - 0.5) * 40 };
    }
  }
  return null;
}

/** Mark the nodes whose labels fit without overlapping (label-placement.ts); the others show theirs on hover. */
function placeNodeLabels(cy: Core): void {
  const candidates: LabelCandidate[] = [];
  cy.nodes().forEach((n) => {
    if (n.isParent()) return;
    const c = labelCandidate(n.id(), String(n.data('kind')), String(n.data('label') ?? ''), n.position(), { w: n.width(), h: n.height() }, n.hasClass('expanded'));
    if (c) candidates.push(c);
  });
  const placed = placeLabels(candidates);
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const side = placed.get(n.id());
      n.removeClass('labelled label-top label-right label-left');
      if (side) n.addClass(labelClasses(side));
    });
  });
  dropOverlappingLabels(
    cy,
    candidates.filter((c) => placed.has(c.id)).sort((a, b) => b.priority - a.priority),
  );
}

/**
 * The placement works from estimated text widths; the browser's font can draw a label wider. Check the boxes
 * cytoscape really draws, in priority order, and hide (until hover) any label that would still touch one
 * kept before it.
 */
function dropOverlappingLabels(cy: Core, ordered: LabelCandidate[]): void {
  const kept: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const dropped: string[] = [];
  for (const c of ordered) {
    const b = cy.getElementById(c.id).boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    if (!(b.w > 0)) continue;
    if (kept.some((k) => b.x1 < k.x2 && k.x1 < b.x2 && b.y1 < k.y2 && k.y1 < b.y2)) dropped.push(c.id);
    else kept.push(b);
  }
  if (!dropped.length) return;
  cy.batch(() => {
    for (const id of dropped) cy.getElementById(id).removeClass('labelled label-top label-right label-left');
  });
}

/** On a phone a fitted picture is too small to read: open it at a readable zoom, centred on the first node. */
function readableOnSmallScreens(cy: Core): void {
  if (cy.width() >= SMALL_SCREEN || cy.zoom() >= 0.9) return;
  const top = cy.nodes('[kind = "university"], [kind = "committee"], [kind = "branch"]').first();
  cy.zoom(0.9);
  cy.center(top.nonempty() ? top : cy.nodes().first());
}
