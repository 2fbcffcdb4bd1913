import { useCallback, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { LoginDocument, SessionViewerDocument } from '../../gql/graphql';
import { navigate } from '../../app/routes';
import { landingFor, writeSession, type Session } from '../../app/session';

/**
 * Sign in as a demo person: `login(memberId)` for the token, then `viewer` (with that token) for the name,
 * branch and committee that drive navigation; then go to the role's landing page.
 */
export function useSignIn() {
  const client = useClient();
  const [error, setError] = useState<CombinedError | null>(null);
  const [busy, setBusy] = useState(false);
  const signIn = useCallback(async (memberId: string) => {
    setBusy(true);
    setError(null);
    try {
      const login = await client.mutation(LoginDocument, { memberId }).toPromise();
      if (!login.data) { setError(login.error ?? null); return; }
      const { token, role } = login.data.login;
      const viewer = await client.query(SessionViewerDocument, {}, {
        requestPolicy: 'network-only',
        fetchOptions: { headers: { authorization: `Bearer ${token}` } },
      }).toPromise();
      if (!viewer.data) { setError(viewer.error ?? null); return; }
      const v = viewer.data.viewer;
      const session: Session = {
        token, role, memberId: v.member.id, name: v.member.name, branchId: v.branch.id, committeeId: v.committee.id,
      };
      writeSession(session);
      const landing = landingFor(session);
      navigate(landing === 'todo' ? { name: 'todo' } : landing === 'branch' ? { name: 'branch', id: session.branchId! }
        : landing === 'dashboard' ? { name: 'dashboard', id: null } : { name: 'home' });
    } finally {
      setBusy(false);
    }
  }, [client]);
  return { signIn, error, busy };
}
