/**
 * The GraphQL API as browser tests call it beside the page: from the test process with a bearer token (or
 * anonymously), or from inside the page with its own session cookie, as the client itself would. Tests use it
 * to set up data and to read back what a page shows.
 */
import type { Page } from 'playwright-core';

/** A GraphQL response body, errors included. */
export interface GqlBody<T = any> {
  data?: T;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

/** A request from the test process, as the bearer of `token` or anonymously: the raw body. */
export async function postGql<T = any>(base: string, query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<GqlBody<T>> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlBody<T>;
}

/** The same request, for set-up that must succeed: its data, or an error carrying the server's errors. */
export async function gqlData<T = any>(base: string, query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> {
  const body = await postGql<T>(base, query, variables, token);
  if (!body.data || body.errors) throw new Error(`GraphQL request failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The demo sign-in (a server started with it): the session of `memberId`, with its bearer token and role. */
export async function demoLogin(base: string, memberId: string): Promise<{ token: string; role: string }> {
  return (await gqlData<{ login: { token: string; role: string } }>(base, 'mutation($id: ID!) { login(memberId: $id) { token role } }', { id: memberId })).login;
}

/** A request from inside the page with its own session cookie, as the client sends it (`lang` as its Accept-Language): the raw body. */
export async function pageGql<T = any>(page: Page, query: string, variables: Record<string, unknown> = {}, lang?: string): Promise<GqlBody<T>> {
  return page.evaluate(
    async ([q, v, l]) => {
      const r = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1', ...(l ? { 'accept-language': l } : {}) },
        body: JSON.stringify({ query: q, variables: v }),
      });
      return r.json();
    },
    [query, variables, lang ?? ''] as const,
  );
}
