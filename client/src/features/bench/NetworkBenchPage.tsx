import { useEffect, useMemo, useRef, useState } from 'react';
import { GraphView } from '../../graph-view/GraphView';
import type { GraphElement } from '../../graph-view/elements';
import { NetworkLegend } from '../network/NetworkLegend';
import { buildSyntheticNetwork } from './synthetic-network';
import { useI18n } from '../../i18n/useI18n';

/** What the bench page reports on `window.__networkBench` once the graph is laid out and painted. */
export interface NetworkBenchResult {
  nodes: number;
  /** Edges drawn in the first picture. */
  edges: number;
  /** Edges held back until asked for (gap edges, members' edges to their branch). */
  hiddenEdges: number;
  applyMs: number;
  layoutMs: number;
  totalMs: number;
}

declare global {
  interface Window {
    __networkBench?: NetworkBenchResult;
  }
}

const isGapEdge = (e: GraphElement) => e.group === 'edges' && e.data.kind === 'gap';
/** A member's edge to its branch: in the large picture the member already sits in its branch's cluster. */
const isMemberEdge = (e: GraphElement) => e.group === 'edges' && e.data.kind === 'under' && String(e.data.target).startsWith('member:');
/** Each edge id once (a member may list a topic twice; the graph holds each id once). */
const unique = (els: readonly GraphElement[]) => [...new Map(els.map((e) => [e.data.id, e])).values()];

/**
 * `#/bench/network?nodes=2000`: a synthetic organization drawn as a large picture is drawn: blocks per
 * committee, a cluster per branch, the gap edges and the members' edges to their branch held back behind
 * two controls that say how many wait, and the explorer's legend. Measured from mount to the first painted
 * frame after layout. `&edges=all` starts with every edge drawn. test/bench/client-bench.ts drives it in
 * headless Chromium.
 */
export default function NetworkBenchPage({ nodes, allEdges = false }: { nodes: number; allEdges?: boolean }) {
  const { t, num } = useI18n();
  const started = useRef(performance.now());
  const all = useMemo(() => unique(buildSyntheticNetwork(nodes)), [nodes]);
  const gapEdges = useMemo(() => all.filter(isGapEdge), [all]);
  const memberEdges = useMemo(() => all.filter(isMemberEdge), [all]);
  const held = useMemo(() => [...gapEdges, ...memberEdges], [gapEdges, memberEdges]);
  const [showGaps, setShowGaps] = useState(allEdges);
  const [showMembers, setShowMembers] = useState(allEdges);
  const elements = useMemo(() => all.filter((e) => (showGaps || !isGapEdge(e)) && (showMembers || !isMemberEdge(e))), [all, showGaps, showMembers]);
  const [result, setResult] = useState<NetworkBenchResult | null>(null);
  const nodeCount = elements.filter((e) => e.group === 'nodes').length;
  const kinds = useMemo(() => [...new Set(all.filter((e) => e.group === 'nodes').map((e) => String(e.data.kind)))], [all]);
  useEffect(() => {
    delete window.__networkBench;
  }, []);
  const reported = useRef(false);
  const onLayout = (layoutMs: number) => {
    if (reported.current) return;
    reported.current = true;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const apply = performance.getEntriesByName('graph:apply').at(-1)?.duration ?? 0;
        const r = {
          nodes: nodeCount,
          edges: elements.length - nodeCount,
          hiddenEdges: all.length - elements.length,
          applyMs: apply,
          layoutMs,
          totalMs: performance.now() - started.current,
        };
        window.__networkBench = r;
        setResult(r);
      }),
    );
  };
  const count = t('network.count', { nodes: num(nodeCount), edges: num(elements.length - nodeCount) });
  const toggle = (label: string, on: boolean, set: (v: boolean) => void, waiting: number, testId: string) => (
    <label className="row">
      <input type="checkbox" checked={on} onChange={(e) => set(e.target.checked)} />
      {label}
      <span className="meta" data-testid={testId} data-count={on ? 0 : waiting}>
        {on ? '' : t('network.hiddenEdges', { n: num(waiting) })}
      </span>
    </label>
  );
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>{t('bench.title')}</h1>
        <p className="sub" data-testid="network-count">
          {count}
        </p>
      </div>
      <div className="toolbar" role="toolbar" aria-label={t('bench.title')}>
        {toggle(t('network.gapEdges'), showGaps, setShowGaps, gapEdges.length, 'hidden-gap-edges')}
        {toggle(t('network.memberEdges'), showMembers, setShowMembers, memberEdges.length, 'hidden-member-edges')}
      </div>
      <p className="meta" data-testid="bench-result">
        {result ? JSON.stringify(result) : '…'}
      </p>
      <div className="network-layout">
        <GraphView elements={elements} placeWith={held} onLayout={onLayout} label={count} className="graph-tall" />
        <aside className="card" aria-label={t('network.legend')}>
          <NetworkLegend mode="stage" range={null} kinds={kinds} />
        </aside>
      </div>
    </div>
  );
}
