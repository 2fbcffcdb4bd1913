import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { BranchLearningSummaryDocument } from '../../gql/graphql';
import { summariseLearning, type LearningSummary } from './learning-summary';

const PARALLEL = 4;

/**
 * Learning summaries (average mastery, completion of stage targets) for many branches, a few requests at a
 * time; fills in as answers arrive. Branches the viewer may not read are simply left out.
 */
export function useBranchLearning(branchIds: readonly string[]): ReadonlyMap<string, LearningSummary> {
  const client = useClient();
  const [map, setMap] = useState<ReadonlyMap<string, LearningSummary>>(new Map());
  const key = branchIds.join(',');
  useEffect(() => {
    let live = true;
    const queue = key ? key.split(',') : [];
    const worker = async () => {
      for (let id = queue.shift(); id && live; id = queue.shift()) {
        const r = await client.query(BranchLearningSummaryDocument, { id }).toPromise();
        if (live && r.data) {
          const summary = summariseLearning(r.data.branchGaps.rows);
          setMap((m) => new Map(m).set(id!, summary));
        }
      }
    };
    void Promise.all(Array.from({ length: PARALLEL }, worker));
    return () => { live = false; };
  }, [client, key]);
  return map;
}
