import { useEffect, useMemo, useRef } from 'react';
import { Provider } from 'urql';
import { SessionViewerDocument } from '../gql/graphql';
import { I18nProvider } from '../i18n/I18nProvider';
import { useI18n } from '../i18n/useI18n';
import { expireSession, restoreSession, type Session } from './session';
import { createUrqlClient } from './urql-client';
import { Shell } from './Shell';
import { RouteView } from './RouteView';

/** Providers (language, GraphQL client) around the shell and the current page. */
export function App() {
  return (
    <I18nProvider>
      <LocalizedApp />
    </I18nProvider>
  );
}

/** The GraphQL client of the chosen language (a new one, so pages fetch again, when the language changes). */
function LocalizedApp() {
  const { locale } = useI18n();
  const client = useMemo(() => createUrqlClient('/graphql', locale), [locale]);
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
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
    <Provider value={client}>
      <Shell>
        <RouteView />
      </Shell>
    </Provider>
  );
}
