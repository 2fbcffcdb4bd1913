import { useEffect, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { CommitteeDashboardDocument, type CommitteeDashboardQuery, type CommitteeDashboardQueryVariables } from '../../gql/graphql';

type Committee = CommitteeDashboardQuery['committee'];
type Vars = Omit<CommitteeDashboardQueryVariables, 'id'>;

/**
 * One committee query per committee, in parallel: the API's cost limit rightly refuses the whole university's
 * branches × quarters in one request, and per-committee requests stay small at any scale.
 */
export function useCommitteeLives(ids: readonly string[] | null, vars: Vars) {
  const client = useClient();
  const [state, setState] = useState<{ data: Committee[] | null; error: CombinedError | null; fetching: boolean }>({ data: null, error: null, fetching: true });
  const [attempt, setAttempt] = useState(0);
  const key = ids?.join(',') ?? null;
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, fetching: true }));
    const list = key ? key.split(',') : [];
    void Promise.all(list.map((id) => client.query(CommitteeDashboardDocument, { id, ...vars }, { requestPolicy: attempt ? 'network-only' : 'cache-first' }).toPromise())).then(
      (rs) => {
        if (!live) return;
        const failed = rs.find((r) => r.error && !r.data);
        setState(failed ? { data: null, error: failed.error ?? null, fetching: false } : { data: rs.map((r) => r.data!.committee), error: null, fetching: false });
      },
    );
    return () => {
      live = false;
    };
  }, [client, key, vars, attempt]);
  return { ...state, retry: () => setAttempt((a) => a + 1) };
}
