import { useMemo } from 'react';
import { Provider } from 'urql';
import { I18nProvider } from '../i18n/I18nProvider';
import { createUrqlClient } from './urql-client';
import { Shell } from './Shell';
import { RouteView } from './RouteView';

/** Providers (language, GraphQL client) around the shell and the current page. */
export function App() {
  const client = useMemo(() => createUrqlClient(), []);
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
