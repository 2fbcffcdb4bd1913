import { useEffect, useMemo, useRef, useState } from 'react';
import { GraphView } from '../../graph-view/GraphView';
import { buildSyntheticNetwork } from './synthetic-network';
import { useI18n } from '../../i18n/useI18n';

/** What the bench page reports on `window.__networkBench` once the graph is laid out and painted. */
export interface NetworkBenchResult {
  nodes: number;
  edges: number;
  applyMs: number;
  layoutMs: number;
  totalMs: number;
}

declare global {
  interface Window {
    __networkBench?: NetworkBenchResult;
  }
}

/**
 * `#/bench/network?nodes=2000`: renders a synthetic network and measures from mount to the first painted
 * frame after layout. test/bench/client-bench.ts drives it in headless Chromium.
 */
export default function NetworkBenchPage({ nodes }: { nodes: number }) {
  const { t } = useI18n();
  const started = useRef(performance.now());
  const elements = useMemo(() => buildSyntheticNetwork(nodes), [nodes]);
  const [result, setResult] = useState<NetworkBenchResult | null>(null);
  const nodeCount = elements.filter((e) => e.group === 'nodes').length;
  useEffect(() => {
    delete window.__networkBench;
  }, []);
  const onLayout = (layoutMs: number) => {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const apply = performance.getEntriesByName('graph:apply').at(-1)?.duration ?? 0;
        const r = { nodes: nodeCount, edges: elements.length - nodeCount, applyMs: apply, layoutMs, totalMs: performance.now() - started.current };
        window.__networkBench = r;
        setResult(r);
      }),
    );
  };
  return (
    <div className="page page-wide">
      <h1>{t('bench.title')}</h1>
      <p data-testid="bench-result">{result ? JSON.stringify(result) : '…'}</p>
      <GraphView elements={elements} onLayout={onLayout} label={`${nodeCount}`} className="graph-tall" />
    </div>
  );
}
