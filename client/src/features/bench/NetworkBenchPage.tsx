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
  /** Gap edges held back until asked for (the explorer's "显示共同短板"). */
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

/**
 * `#/bench/network?nodes=2000`: a synthetic organization drawn as the explorer draws it (gap edges off until
 * asked, the same legend), measured from mount to the first painted frame after layout. `&gaps=1` starts with
 * the gap edges on. test/bench/client-bench.ts drives it in headless Chromium.
 */
export default function NetworkBenchPage({ nodes, gaps = false }: { nodes: number; gaps?: boolean }) {
  const { t, num } = useI18n();
  const started = useRef(performance.now());
  const all = useMemo(() => buildSyntheticNetwork(nodes), [nodes]);
  // (A member may list a topic twice; the graph holds each edge id once.)
  const gapEdges = useMemo(() => [...new Map(all.filter(isGapEdge).map((e) => [e.data.id, e])).values()], [all]);
  const [showGaps, setShowGaps] = useState(gaps);
  const elements = useMemo(() => (showGaps ? all : all.filter((e) => !isGapEdge(e))), [all, showGaps]);
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
          hiddenEdges: showGaps ? 0 : gapEdges.length,
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
  return (
    <div className="page page-wide">
      <div className="page-head">
        <h1>{t('bench.title')}</h1>
        <p className="sub" data-testid="network-count">
          {count}
        </p>
      </div>
      <div className="toolbar" role="toolbar" aria-label={t('bench.title')}>
        <label className="row">
          <input type="checkbox" checked={showGaps} onChange={(e) => setShowGaps(e.target.checked)} />
          {t('network.gapEdges')}
          <span className="meta" data-testid="hidden-edges">
            {showGaps ? '' : t('network.hiddenEdges', { n: num(gapEdges.length) })}
          </span>
        </label>
      </div>
      <p className="meta" data-testid="bench-result">
        {result ? JSON.stringify(result) : '…'}
      </p>
      <div className="network-layout">
        <GraphView elements={elements} placeWith={gapEdges} onLayout={onLayout} label={count} className="graph-tall" />
        <aside className="card" aria-label={t('network.legend')}>
          <NetworkLegend mode="stage" range={null} kinds={kinds} />
        </aside>
      </div>
    </div>
  );
}
