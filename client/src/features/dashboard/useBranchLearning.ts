import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { BranchLearningSummaryDocument } from '../../gql/graphql';
import { summariseLearning, type LearningSummary } from './learning-summary';

const PARALLEL = 4;

/**
 * Learning summaries (average mastery, completion of stage targets) for many branches, a few requests at a
 * time; fills in as answers arrive. Branches the viewer may not read are simply left out. `pending` counts
 * the branches still being asked about, so the page can say the figures are on their way.
 */
export function useBranchLearning(branchIds: readonly string[]): { summaries: ReadonlyMap<string, LearningSummary>; pending: number } {
  const client = useClient();
  const [map, setMap] = useState<ReadonlyMap<string, LearningSummary>>(new Map());
  const [pending, setPending] = useState(0);
  const key = branchIds.join(',');
  useEffect(() => {
    let live = true;
    const queue = key ? key.split(',') : [];
    setPending(queue.length);
    const worker = async () => {
      for (let id = queue.shift(); id && live; id = queue.shift()) {
        const r = await client.query(BranchLearningSummaryDocument, { id }).toPromise();
        if (!live) return;
        if (r.data) {
          const summary = summariseLearning(r.data.branchGaps.rows);
          setMap((m) => new Map(m).set(id!, summary));
        }
        setPending((n) => Math.max(0, n - 1));
      }
    };
    void Promise.all(Array.from({ length: PARALLEL }, worker));
    return () => { live = false; };
  }, [client, key]);
  return { summaries: map, pending };
}
