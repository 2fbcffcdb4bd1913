/**
 * A real OpenID Connect provider for tests: the `oidc-provider` package (the certified Node.js
 * implementation) on 127.0.0.1 with its development sign-in pages, one confidential client for Hongtu
 * and a directory of people whose `student_number` claim is what Hongtu maps onto its login names.
 * The claim is released with the `openid` scope through userinfo (the provider keeps ID tokens lean),
 * so Hongtu's userinfo path is exercised. `driveSignOn` plays the browser over plain HTTP: the provider's
 * sign-in and consent forms, following redirects with a cookie jar, until the provider sends the browser
 * back to Hongtu's callback.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const CLIENT_ID = 'hongtu-test';
export const CLIENT_SECRET = 'hongtu-test-client-secret-0123456789';
export const CLAIM = 'student_number';

export interface TestProvider {
  issuer: string;
  /** Provider account id (its `sub`) → the claim value it releases. */
  people: Map<string, string>;
  close(): Promise<void>;
}

/**
 * Start a provider whose one client may return to `redirectUri`. It listens on 127.0.0.1; `host` names it in
 * the issuer (`localhost` makes it another site than a Hongtu on 127.0.0.1, as a campus provider is).
 */
export async function startProvider(redirectUri: string, people: Record<string, string> = {}, host = '127.0.0.1'): Promise<TestProvider> {
  const directory = new Map(Object.entries(people));
  // The issuer needs its port before the provider exists: listen first, then mount the provider.
  const { createServer } = await import('node:http');
  let handler: ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | null = null;
  const server: Server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub', CLAIM] },
    findAccount: async (_ctx, id) => {
      const value = directory.get(id);
      return value === undefined ? undefined : { accountId: id, claims: async () => ({ sub: id, [CLAIM]: value }) };
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
  });
  handler = provider.callback();
  return {
    issuer,
    people: directory,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Cookies per origin, as a browser keeps them (paths ignored: enough for these two servers). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: string): string {
    return [...(this.byOrigin.get(new URL(url).origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  take(url: string, res: Response): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, jar);
    for (const sc of res.headers.getSetCookie()) {
      const [pair] = sc.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /max-age=0\b/i.test(sc) || /expires=Thu, 01 Jan 1970/i.test(sc)) jar.delete(name);
      else jar.set(name, value);
    }
  }

  get(url: string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }

  set(url: string, name: string, value: string): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, jar);
    jar.set(name, value);
  }
}

/** A response read to its end (so the connection goes back to the pool at once). */
export interface Visited {
  status: number;
  location: string | null;
  cookies: string[];
  body: string;
  headers: Headers;
}

/** GET (or POST a form) without following redirects, keeping cookies. */
export async function visit(jar: CookieJar, url: string, form?: Record<string, string>): Promise<Visited> {
  const headers: Record<string, string> = { cookie: jar.header(url) };
  if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const res = await fetch(url, { method: form ? 'POST' : 'GET', headers, body: form ? new URLSearchParams(form) : undefined, redirect: 'manual' });
  jar.take(url, res);
  return { status: res.status, location: res.headers.get('location'), cookies: res.headers.getSetCookie(), body: await res.text(), headers: res.headers };
}

export interface SignOnOptions {
  /** Change the authorization request before the provider sees it (a tampering browser). */
  tamperAuthorization?: (url: URL) => void;
  /** Cancel at the provider's sign-in page instead of signing in. */
  abort?: boolean;
}

/**
 * From Hongtu's start URL through the provider's pages as `accountId`; returns the callback URL the
 * provider sent the browser to (not yet visited), with the jar holding Hongtu's transaction cookie.
 */
export async function driveSignOn(jar: CookieJar, startUrl: string, accountId: string, opts: SignOnOptions = {}): Promise<URL> {
  const start = await visit(jar, startUrl);
  if (start.status !== 302) throw new Error(`start answered ${start.status}: ${start.location}`);
  const auth = new URL(start.location!);
  opts.tamperAuthorization?.(auth);
  let url = auth.href;
  const callbackPath = '/auth/oidc/callback';
  for (let hop = 0; hop < 20; hop++) {
    const res = await visit(jar, url);
    const location = res.location;
    if (location) {
      const next = new URL(location, url);
      if (next.pathname === callbackPath) return next;
      url = next.href;
      continue;
    }
    const html = res.body;
    if (res.status !== 200) throw new Error(`provider answered ${res.status} at ${url}: ${html.slice(0, 300)}`);
    const action = new URL(/<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '', url).href;
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (prompt === 'login' && opts.abort) {
      const abort = /href="([^"]*\/abort)"/.exec(html)?.[1];
      if (!abort) throw new Error('no abort link on the provider sign-in page');
      url = new URL(abort.replace(/&amp;/g, '&'), url).href;
      continue;
    }
    const posted = await visit(jar, action, prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt: prompt ?? 'consent' });
    const after = posted.location;
    if (!after) throw new Error(`provider form at ${action} answered ${posted.status}: ${posted.body.slice(0, 300)}`);
    url = new URL(after, action).href;
  }
  throw new Error('the provider did not send the browser back to Hongtu within 20 redirects');
}
