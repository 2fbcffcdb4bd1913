import { useMemo } from 'react';
import { useQuery } from 'urql';
import { BranchLearningSummariesDocument } from '../../gql/graphql';
import type { LearningSummary } from './learning-summary';

/** Branches per request (the API takes up to 500). */
const CHUNK = 500;

/**
 * Learning summaries (average mastery, completion of stage targets) for many branches, read from the
 * server's maintained summaries in one request. `pending` counts the branches whose figures have not
 * arrived (or are still being computed on the server), so the page can say the figures are on their way.
 */
export function useBranchLearning(branchIds: readonly string[]): { summaries: ReadonlyMap<string, LearningSummary>; pending: number } {
  const ids = useMemo(() => [...branchIds].slice(0, CHUNK), [branchIds]);
  const [{ data, error }] = useQuery({ query: BranchLearningSummariesDocument, variables: { ids }, pause: ids.length === 0 });
  return useMemo(() => {
    const map = new Map<string, LearningSummary>();
    for (const s of data?.branchLearningSummaries ?? []) {
      if (s.asOf != null) map.set(s.branchId, { mastery: s.mastery ?? null, completion: s.completion ?? null });
    }
    return { summaries: map, pending: error || !data ? (error ? 0 : ids.length) : 0 };
  }, [data, error, ids]);
}
