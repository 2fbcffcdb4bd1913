import { useCallback, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { LoginDocument, SessionViewerDocument, SignInDocument, type SignInInput, type SignInMutation } from '../../gql/graphql';
import { navigate } from '../../app/routes';
import { landingFor, writeSession, type Session } from '../../app/session';

type Step = SignInMutation['signIn'];

/**
 * Sign in — with a password (`signInWithPassword`, step by step: a new password, an authenticator app,
 * a code) or as a demo person (`signInAsDemo`). Either way the API sets the HttpOnly session cookie;
 * then `viewer` gives the name, branch and committee that drive navigation, and the role's landing page opens.
 */
export function useSignIn() {
  const client = useClient();
  const [error, setError] = useState<CombinedError | null>(null);
  const [busy, setBusy] = useState(false);

  const enter = useCallback(
    async (opts: { stay?: boolean } = {}) => {
      const viewer = await client.query(SessionViewerDocument, {}, { requestPolicy: 'network-only' }).toPromise();
      if (!viewer.data) {
        setError(viewer.error ?? null);
        return;
      }
      const v = viewer.data.viewer;
      const session: Session = { role: v.role, memberId: v.member.id, name: v.member.name, branchId: v.branch.id, committeeId: v.committee.id };
      writeSession(session);
      if (opts.stay) return;
      const landing = landingFor(session);
      navigate(
        landing === 'branch'
          ? { name: 'branch', id: session.branchId! }
          : landing === 'dashboard'
            ? { name: 'dashboard', id: null }
            : landing === 'todo'
              ? { name: 'todo' }
              : { name: 'home' },
      );
    },
    [client],
  );

  const signInAsDemo = useCallback(
    async (memberId: string) => {
      setBusy(true);
      setError(null);
      try {
        const login = await client.mutation(LoginDocument, { memberId }).toPromise();
        if (!login.data) {
          setError(login.error ?? null);
          return;
        }
        await enter();
      } finally {
        setBusy(false);
      }
    },
    [client, enter],
  );

  /** One step; answers the API's next step (SIGNED_IN has already entered, unless recovery codes must be shown first). */
  const signInWithPassword = useCallback(
    async (input: SignInInput): Promise<Step | null> => {
      setBusy(true);
      setError(null);
      try {
        const r = await client.mutation(SignInDocument, { input }).toPromise();
        if (!r.data) {
          setError(r.error ?? null);
          return null;
        }
        const step = r.data.signIn;
        if (step.step === 'SIGNED_IN' && !step.recoveryCodes?.length) await enter();
        return step;
      } finally {
        setBusy(false);
      }
    },
    [client, enter],
  );

  return { signInAsDemo, signInWithPassword, enter, error, busy };
}
