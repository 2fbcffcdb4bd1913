/**
 * Campus single sign-on (统一身份认证) through OpenID Connect with openid-client: authorization code
 * flow with PKCE (S256), state and nonce.
 *
 * start:    a fresh state, nonce and PKCE verifier are sealed (AES-256-GCM under the server secret,
 *           secret-box.ts) into a short-lived transaction cookie, and the browser goes to the provider.
 * finish:   the callback's state must equal the sealed one and is used once; openid-client exchanges the
 *           code (with the verifier) and checks the ID token (issuer, audience, signature, expiry, nonce)
 *           and the `iss` of the authorization response when the provider sends one. The configured claim
 *           (from the ID token, else from userinfo for the same subject) is the staff or student number,
 *           matched to Account.loginName (lower-cased, as password sign-in does). Then the same
 *           server-side session as a password sign-in is issued, or, for roles that need an authenticator
 *           app, a pending second factor (oidc-second-factor.ts) unless the config trusts the provider's MFA.
 * Every outcome is audited (SSO_SIGN_IN, SSO_SIGN_IN_FAILED) and a refusal carries a reason code the
 * sign-in page explains. Discovery runs on first use and is retried after a failure, so a provider that is
 * down at start does not stop Hongtu; its sign-in answers `sso_unavailable` until it is back.
 */
import * as oidc from 'openid-client';
import type { GraphStore } from '../../graph';
import type { AppLogger } from '../app-deps';
import type { AuthConfig, OidcConfig } from '../config';
import { auditAccount } from './account-audit';
import { issueSession, type IssuedSession } from './browser-sessions';
import { open, seal } from './secret-box';
import { TOTP_REQUIRED_ROLES } from './sign-in';

/** Why a campus sign-on was refused; the sign-in page explains each (client i18n `sso.<reason>`). */
export type SsoRefusal =
  | 'sso_state' // no transaction, expired, state mismatch or state used before
  | 'sso_failed' // the provider's answer did not verify (code, PKCE, nonce, issuer, signature)
  | 'sso_denied' // the person cancelled or the provider refused
  | 'sso_no_claim' // the configured claim is missing or unusable
  | 'sso_unknown' // no Hongtu account has that staff or student number
  | 'sso_disabled' // the account is disabled
  | 'sso_unavailable'; // the provider could not be reached

export type SsoOutcome =
  | { kind: 'signed-in'; memberId: string; role: string; issued: IssuedSession }
  | { kind: 'second-factor'; memberId: string; role: string }
  | { kind: 'refused'; reason: SsoRefusal };

export interface OidcDeps {
  store: GraphStore;
  auth: AuthConfig;
  /** The server secret (HONGTU_JWT_SECRET) that seals transaction cookies. */
  secret: string;
  now: () => number;
  log: AppLogger;
}

/** How long a sign-on may take at the provider (the transaction cookie's life). */
export const TRANSACTION_MS = 10 * 60_000;
const PURPOSE = 'oidc-transaction';
/** Provider requests (discovery, token, userinfo) give up after this many seconds. */
const TIMEOUT_S = 10;

interface Transaction {
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
}

class Unavailable extends Error {}

export class OidcSignIn {
  private discovered: Promise<oidc.Configuration> | null = null;
  /** States already presented at the callback (until their transaction would have expired anyway). */
  private readonly usedStates = new Map<string, number>();
  /** Pending second factors already completed (oidc-second-factor.ts). */
  private readonly usedPending = new Map<string, number>();

  constructor(
    readonly cfg: OidcConfig,
    private readonly deps: OidcDeps,
  ) {}

  get secret(): string {
    return this.deps.secret;
  }

  now(): number {
    return this.deps.now();
  }

  pendingUsed(id: string): boolean {
    return this.usedPending.has(id);
  }

  /** True the first time; a pending second factor completes once. */
  usePending(id: string, until: number): boolean {
    return useOnce(this.usedPending, id, until, this.deps.now());
  }

  /** The provider's metadata, discovered once; a failure is not kept, so the next sign-in tries again. */
  configuration(): Promise<oidc.Configuration> {
    this.discovered ??= (async () => {
      const issuer = new URL(this.cfg.issuer);
      const insecure = issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
      try {
        return await oidc.discovery(issuer, this.cfg.clientId, this.cfg.clientSecret, undefined, { execute: insecure, timeout: TIMEOUT_S });
      } catch (e) {
        this.discovered = null;
        throw new Unavailable(`OpenID Connect discovery at ${this.cfg.issuer} failed: ${describe(e)}`);
      }
    })();
    return this.discovered;
  }

  /** Where to send the browser, and the sealed transaction for its cookie; null when the provider is unreachable. */
  async start(): Promise<{ location: string; transaction: string } | null> {
    let config: oidc.Configuration;
    try {
      config = await this.configuration();
    } catch (e) {
      this.deps.log.warn(`Campus sign-on unavailable: ${describe(e)}`);
      return null;
    }
    const t: Transaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      expiresAt: this.deps.now() + TRANSACTION_MS,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.cfg.redirectUri,
      scope: this.cfg.scope,
      response_type: 'code',
      state: t.state,
      nonce: t.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(t.verifier),
      code_challenge_method: 'S256',
    });
    return { location: url.href, transaction: seal(this.deps.secret, PURPOSE, JSON.stringify(t)) };
  }

  /**
   * The callback: `search` is the query string the provider sent the browser back with; `sealed` the
   * transaction cookie. Nothing is written unless an active account matches (bar the audit row).
   */
  async finish(search: string, sealed: string | null, userAgent: string | null): Promise<SsoOutcome> {
    const { store, now, log } = this.deps;
    const refuse = async (reason: SsoRefusal, detail: string, who: { memberId?: string; login?: string } = {}): Promise<SsoOutcome> => {
      log.warn(`Campus sign-on refused (${reason}): ${detail}`);
      await auditAccount(store, [{ viewerId: '', action: 'SSO_SIGN_IN_FAILED', memberId: who.memberId, login: who.login, at: now() }]);
      return { kind: 'refused', reason };
    };
    const params = new URLSearchParams(search);
    const t = this.openTransaction(sealed);
    if (!t) return refuse('sso_state', 'no valid sign-on transaction cookie (missing, altered or expired)');
    if (params.get('state') !== t.state) return refuse('sso_state', "the state does not match this browser's sign-on");
    if (!this.useState(t)) return refuse('sso_state', 'this sign-on was already completed (a replayed callback)');
    const error = params.get('error');
    if (error) return refuse('sso_denied', `the provider answered ${error.slice(0, 64)}`);

    let value: unknown;
    try {
      const config = await this.configuration();
      const callback = new URL(this.cfg.redirectUri);
      callback.search = search;
      const tokens = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: t.verifier,
        expectedState: t.state,
        expectedNonce: t.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) return refuse('sso_failed', 'the provider sent no ID token');
      value = claims[this.cfg.claim];
      if (value === undefined && tokens.access_token) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        value = info[this.cfg.claim];
      }
    } catch (e) {
      if (e instanceof Unavailable || isNetworkError(e)) return refuse('sso_unavailable', describe(e));
      return refuse('sso_failed', describe(e));
    }
    const login = typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : '';
    if (!login || login.length > 64) return refuse('sso_no_claim', `claim "${this.cfg.claim}" is missing or not a staff/student number`);

    const account = await store.findAccountByLogin(login);
    if (!account) return refuse('sso_unknown', 'no account has this staff or student number', { login });
    if (account.status !== 'ACTIVE') return refuse('sso_disabled', 'the account is disabled', { memberId: account.memberId });
    const [member] = await store.getMembersByIds([account.memberId]);
    if (!member) return refuse('sso_unknown', "the account's member is gone", { memberId: account.memberId });
    if (TOTP_REQUIRED_ROLES.includes(member.role) && !this.cfg.trustIdpMfa) {
      return { kind: 'second-factor', memberId: member.id, role: member.role };
    }
    const at = now();
    const issued = await issueSession(store, this.deps.auth, { memberId: member.id, role: member.role, method: 'SSO', userAgent, now: at });
    await auditAccount(store, [{ viewerId: member.id, action: 'SSO_SIGN_IN', memberId: member.id, at }]);
    return { kind: 'signed-in', memberId: member.id, role: member.role, issued };
  }

  private openTransaction(sealed: string | null): Transaction | null {
    const text = sealed ? open(this.deps.secret, PURPOSE, sealed) : null;
    if (!text) return null;
    try {
      const t = JSON.parse(text) as Transaction;
      return typeof t.state === 'string' && t.expiresAt > this.deps.now() ? t : null;
    } catch {
      return null;
    }
  }

  /** True the first time a transaction's state comes back. */
  private useState(t: Transaction): boolean {
    return useOnce(this.usedStates, t.state, t.expiresAt, this.deps.now());
  }
}

/** Record `key` as used until `until`; false when it was used before. Expired entries are forgotten. */
function useOnce(used: Map<string, number>, key: string, until: number, now: number): boolean {
  if (used.size > 10_000) for (const [k, u] of used) if (u <= now) used.delete(k);
  if (used.has(key)) return false;
  used.set(key, until);
  return true;
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${e.message}${cause}`.slice(0, 300);
}

/** Connection refused, DNS failure, timeout: the provider is unreachable, not wrong. */
function isNetworkError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  return e instanceof TypeError && /fetch failed/i.test(e.message);
}
