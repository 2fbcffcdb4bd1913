import { lazy, Suspense } from 'react';
import { Loading } from '../ui/Loading';
import type { GraphViewProps } from './GraphView';

const GraphViewChunk = lazy(() => import('./GraphView').then((m) => ({ default: m.GraphView })));

/**
 * GraphView loaded on demand, for pages where the graph is secondary (the portrait): the page's text shows
 * at once and cytoscape (~165 kB gzip) follows.
 */
export function LazyGraphView(props: GraphViewProps) {
  return (
    <Suspense fallback={<Loading />}>
      <GraphViewChunk {...props} />
    </Suspense>
  );
}
