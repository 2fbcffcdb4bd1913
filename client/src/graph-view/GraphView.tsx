import cytoscape, { type Core, type EventObject } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { diffElements } from './diff-elements';
import type { GraphElement } from './elements';
import { layoutFor } from './layouts';
import { STYLES, type StyleMode } from './stylesheet';
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
  styleMode?: StyleMode;
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
export function GraphView({ elements, styleMode = 'stage', onNodeTap, onNodeDoubleTap, highlight, label, onLayout, className, ref }: GraphViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const liveRef = useRef(new Map<string, GraphElement>());
  // Handlers in refs so the events are bound once and always call the latest props.
  const handlers = useRef({ onNodeTap, onNodeDoubleTap, onLayout });
  handlers.current = { onNodeTap, onNodeDoubleTap, onLayout };

  useEffect(() => {
    const cy = cytoscape({
      container: containerRef.current, style: STYLES.stage,
      minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false,
    });
    cyRef.current = cy;
    const live = liveRef.current;
    cy.on('tap', 'node', (e: EventObject) => handlers.current.onNodeTap?.(e.target.id()));
    cy.on('dbltap', 'node', (e: EventObject) => handlers.current.onNodeDoubleTap?.(e.target.id()));
    const unexpose = exposeDebugCy(cy);
    return () => {
      unexpose();
      cy.destroy();
      cyRef.current = null;
      live.clear();
    };
  }, []);

  useEffect(() => { cyRef.current?.style(STYLES[styleMode]); }, [styleMode]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const live = liveRef.current;
    const first = live.size === 0;
    const t0 = performance.now();
    const d = diffElements(live, elements);
    const neighbours = live.size > 0 && d.addNodes.length > 0 ? neighbourMap(elements) : null;
    cy.batch(() => {
      for (const el of d.addNodes) {
        const anchor = neighbours ? anchorPosition(cy, el.data.id, neighbours) : null;
        cy.add({ ...el, data: { ...el.data }, ...(anchor ? { position: anchor } : {}) });
      }
      for (const r of d.reparent) cy.getElementById(r.id).move({ parent: r.parent });
      if (d.remove.length) {
        const gone = cy.collection();
        for (const id of d.remove) gone.merge(cy.getElementById(id));
        cy.remove(gone);
      }
      for (const el of d.addEdges) cy.add({ ...el, data: { ...el.data } });
      for (const el of d.update) {
        const ele = cy.getElementById(el.data.id);
        ele.data({ ...el.data });
        ele.classes(el.classes ?? '');
      }
    });
    for (const id of d.remove) live.delete(id);
    for (const el of [...d.addNodes, ...d.addEdges, ...d.update]) live.set(el.data.id, el);
    performance.measure('graph:apply', { start: t0 });
    if (d.setChanged && cy.nodes().length > 0) {
      const started = performance.now();
      cy.layout(layoutFor(cy.nodes().length, first)).run();
      performance.measure('graph:layout', { start: started });
      handlers.current.onLayout?.(performance.now() - started);
    }
  }, [elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes('.match').removeClass('match');
      for (const id of highlight ?? []) cy.getElementById(id).addClass('match');
    });
  }, [highlight, elements]);

  useImperativeHandle(ref, () => ({
    fit: () => { cyRef.current?.fit(undefined, 30); },
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
  }), []);

  return <div ref={containerRef} className={`graph-view ${className ?? ''}`} role="img" aria-label={label} data-testid="graph-view" />;
}

function neighbourMap(all: readonly GraphElement[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const push = (a: string, b: string) => { const l = m.get(a); if (l) l.push(b); else m.set(a, [b]); };
  for (const el of all) if (el.group === 'edges') { push(el.data.source, el.data.target); push(el.data.target, el.data.source); }
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
