import { useEffect, useMemo } from 'react';
import { Provider } from 'urql';
import { SessionViewerDocument } from '../gql/graphql';
import { I18nProvider } from '../i18n/I18nProvider';
import { expireSession, restoreSession, type Session } from './session';
import { createUrqlClient } from './urql-client';
import { Shell } from './Shell';
import { RouteView } from './RouteView';

/** Providers (language, GraphQL client) around the shell and the current page. */
export function App() {
  const client = useMemo(() => createUrqlClient(), []);
  useEffect(() => {
    // Who does the session cookie (if any) belong to? A cookie that no longer counts shows the "expired" notice.
    void restoreSession(async () => {
      const r = await client.query(SessionViewerDocument, {}, { requestPolicy: 'network-only' }).toPromise();
      if (!r.data) {
        if (r.error?.graphQLErrors.some((e) => e.extensions?.sessionEnded === true)) expireSession();
        return null;
      }
      const v = r.data.viewer;
      const s: Session = { role: v.role, memberId: v.member.id, name: v.member.name, branchId: v.branch.id, committeeId: v.committee.id };
      return s;
    });
  }, [client]);
  return (
    <I18nProvider>
      <Provider value={client}>
        <Shell>
          <RouteView />
        </Shell>
      </Provider>
    </I18nProvider>
  );
}
