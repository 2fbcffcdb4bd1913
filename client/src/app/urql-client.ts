import { cacheExchange, Client, fetchExchange, mapExchange } from 'urql';
import { expireSession, readSession } from './session';

/**
 * The one urql client. Sends `Authorization: Bearer <token>` from the stored session, and signs out when the
 * API says the token is no longer valid (UNAUTHENTICATED), so the app falls back to the sign-in page.
 */
export function createUrqlClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [
      mapExchange({
        onError(error) {
          const unauth = error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
          if (unauth && readSession()) expireSession();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
    fetchOptions: (): RequestInit => {
      const token = readSession()?.token;
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
}
