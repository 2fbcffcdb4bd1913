/**
 * The only file that reads process.env. Parsed once, validated, frozen.
 * Every variable is documented in .env.example with its default.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';

/** The development secret: public (it is in the source), so used only while dev login is on. */
export const DEV_JWT_SECRET = 'hongtu-dev-secret-change-me-0123456789abcdef';

export interface Config {
  port: number;
  host: string;
  /** Kuzu data directory (embedded store). */
  dataDir: string;
  neo4j: { uri: string; user: string; password: string; database: string } | null;
  /** `login(memberId)` mutation for the demo; never on in production. */
  devLogin: boolean;
  /** HS256 secret for session tokens. */
  jwtSecret: string;
  /** Seals each appraisal round's private signing key at rest (HKDF → AES-256-GCM); defaults to jwtSecret. */
  ballotSecret: string;
  embedder: 'auto' | 'neural' | 'lexical';
  /** Folder with pre-downloaded models (campus networks without internet); remote downloads off when set. */
  modelsDir: string | null;
  /** Where downloaded models are cached. */
  modelCacheDir: string;
  /** Name of the neural model. */
  modelName: string;
  /** Load the demo data on first start when the store is empty. */
  seedDemo: boolean;
  /** Serve the built client from this folder at `/` when it exists. */
  clientDir: string;
  /** GraphiQL at /graphql. */
  graphiql: boolean;
  maxQueryDepth: number;
  maxQueryCost: number;
  /** Request limits applied before and around execution (server/api/limits*.ts). */
  limits: {
    /** Largest request body accepted, in bytes. */
    maxBodyBytes: number;
    /** Lexical tokens of one GraphQL document (graphql-js `parse` maxTokens). */
    maxTokens: number;
    /** Aliased fields in one operation. */
    maxAliases: number;
    /** Root fields (top-level selections, aliases counted) in one operation. */
    maxRootFields: number;
  };
  /** Sliding one-minute windows per client address and per signed-in account; sign-in per address per 5 minutes. */
  rateLimit: { perAddressPerMinute: number; perAccountPerMinute: number; signInPerAddressPer5Min: number };
  /**
   * argon2 hashes running at once (default half the cores, at least 1) and how many may wait before
   * sign-in answers RATE_LIMITED (server/auth/passwords.ts).
   */
  passwordHashing: { concurrency: number; maxWaiting: number };
  /** Take the client address from the last X-Forwarded-For entry (set when behind the TLS proxy). */
  trustProxy: boolean;
  /** Whether introspection and "Did you mean" hints are open to every caller (off in production). */
  introspection: boolean;
  /**
   * Browser sessions and anonymous callers may run only the web client's persisted operations;
   * personal access tokens may send any document (default: on in production; server/api/persisted-operations.ts).
   */
  persistedOnly: boolean;
  /** Production mode (NODE_ENV=production): never seed demo data; refuse to start on an uninitialised store. */
  production: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** This instance's public base URL: the issuer of the learning profiles it signs; null = it signs none. */
  publicUrl: string | null;
  /** Base URLs of other Hongtu instances whose signed learning profiles this one accepts. */
  trustedInstances: string[];
  /** The hash-chained audit log (server/audit/): retention and the secret its pruning checkpoints are signed with. */
  audit: AuditConfig;
  /** Accounts, browser sessions, personal access tokens and campus SSO. */
  auth: AuthConfig;
}

export interface AuthConfig {
  /** A session unused this long ends (ms). */
  sessionIdleMs: number;
  /** A session ends this long after sign-in whatever the activity (ms). */
  sessionMaxMs: number;
  /** Secure cookie: 'auto' = when the request came over TLS (or X-Forwarded-Proto: https from the proxy). */
  cookieSecure: 'auto' | 'always' | 'never';
  /** Longest lifetime of a personal access token (days). */
  tokenMaxDays: number;
  /** Campus single sign-on (OpenID Connect, server/auth/oidc*.ts); null when HONGTU_OIDC_ISSUER is unset. */
  oidc: OidcConfig | null;
  /**
   * How long a token, session or viewer row read for one request is trusted for the next ones when no
   * write was heard in this process (server/auth/auth-cache.ts); 0 = read them at every request. Default 10,000 ms.
   */
  cacheMs?: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This server's callback, e.g. https://hongtu.example.edu.cn/auth/oidc/callback. */
  redirectUri: string;
  /** The ID-token / userinfo claim holding the staff or student number (matched to Account.loginName). */
  claim: string;
  /** Button text on the sign-in page, e.g. 统一身份认证. */
  label: string;
  /** Scopes asked for (always including openid), e.g. "openid profile". */
  scope: string;
  /**
   * Whether administrator roles that need an authenticator app (TOTP) skip Hongtu's own code after campus
   * sign-on, trusting the identity service's multi-factor sign-in. Default false: they enter the code too.
   */
  trustIdpMfa: boolean;
}

function readBool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  if (['1', 'true', 'yes', 'on'].includes(v.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  throw new Error(`Expected a boolean (1/0/true/false), got "${v}"`);
}

/** HONGTU_DATA_DIR: a directory (created later if missing), never an existing file. */
function readDataDir(v: string | undefined): string {
  const dir = path.resolve(v ?? './data/kuzu');
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(dir, { throwIfNoEntry: false });
  } catch {
    throw new Error(`HONGTU_DATA_DIR cannot be a directory: a part of ${dir} is a file. Set it to a directory (it is created if missing), e.g. ./data/kuzu`);
  }
  if (st && !st.isDirectory()) {
    throw new Error(`HONGTU_DATA_DIR points at a file, not a directory: ${dir}. Set it to a directory (it is created if missing), e.g. ./data/kuzu`);
  }
  return dir;
}

function readInt(name: string, v: string | undefined, dflt: number, min: number, max: number): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer ${min}–${max}, got "${v}"`);
  return n;
}

function readUrl(name: string, v: string): string {
  try {
    const u = new URL(v);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not http(s)');
    return u.origin;
  } catch {
    throw new Error(`${name} must be http(s) base URLs, got "${v}"`);
  }
}

function readCookieSecure(v: string | undefined): AuthConfig['cookieSecure'] {
  if (v === undefined || v === '' || v === 'auto') return 'auto';
  return readBool(v, true) ? 'always' : 'never';
}

const OIDC_VARS = [
  'HONGTU_OIDC_CLIENT_ID',
  'HONGTU_OIDC_CLIENT_SECRET',
  'HONGTU_OIDC_REDIRECT_URI',
  'HONGTU_OIDC_CLAIM',
  'HONGTU_OIDC_LABEL',
  'HONGTU_OIDC_SCOPE',
  'HONGTU_OIDC_TRUST_IDP_MFA',
] as const;

/** Plain http only to this machine (traffic that never leaves it, e.g. a provider in a test); anything else needs TLS. */
const isLoopback = (u: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);

function readOidcUrl(name: string, v: string): URL {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new Error(`${name} must be an absolute https URL, got "${v}"`);
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopback(u))) {
    throw new Error(`${name} must use https (plain http only to 127.0.0.1/localhost), got "${v}"`);
  }
  if (u.username || u.password || u.hash) throw new Error(`${name} must not hold a user name, password or #fragment, got "${v}"`);
  return u;
}

function requireVar(env: NodeJS.ProcessEnv, name: (typeof OIDC_VARS)[number]): string {
  const v = (env[name] ?? '').trim();
  if (!v) throw new Error(`${name} must be set when HONGTU_OIDC_ISSUER is set (campus single sign-on)`);
  return v;
}

/** HONGTU_OIDC_*: campus single sign-on; every variable checked, each error naming its variable. */
function readOidc(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuerText = (env.HONGTU_OIDC_ISSUER ?? '').trim();
  if (!issuerText) {
    const stray = OIDC_VARS.find((k) => (env[k] ?? '').trim() !== '');
    if (stray) throw new Error(`${stray} is set but HONGTU_OIDC_ISSUER is not: set the issuer too, or unset ${stray}`);
    return null;
  }
  const issuer = readOidcUrl('HONGTU_OIDC_ISSUER', issuerText);
  if (issuer.search) throw new Error(`HONGTU_OIDC_ISSUER must not have a ?query, got "${issuerText}"`);
  const clientId = requireVar(env, 'HONGTU_OIDC_CLIENT_ID');
  const clientSecret = requireVar(env, 'HONGTU_OIDC_CLIENT_SECRET');
  const redirectText = requireVar(env, 'HONGTU_OIDC_REDIRECT_URI');
  const redirect = readOidcUrl('HONGTU_OIDC_REDIRECT_URI', redirectText);
  if (redirect.pathname !== '/auth/oidc/callback' || redirect.search) {
    throw new Error(`HONGTU_OIDC_REDIRECT_URI must be this server's address + /auth/oidc/callback (e.g. https://hongtu.example.edu.cn/auth/oidc/callback), got "${redirectText}"`);
  }
  const claim = requireVar(env, 'HONGTU_OIDC_CLAIM');
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(claim)) {
    throw new Error(`HONGTU_OIDC_CLAIM must be a claim name (letters, digits, _ . : -, up to 64), got "${claim}"`);
  }
  const label = (env.HONGTU_OIDC_LABEL ?? '').trim() || '统一身份认证';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose
  if ([...label].length > 40 || /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(label)) {
    throw new Error('HONGTU_OIDC_LABEL must be up to 40 characters without control characters');
  }
  const scope = (env.HONGTU_OIDC_SCOPE ?? '').trim().split(/\s+/).filter(Boolean);
  if (scope.some((x) => !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(x))) throw new Error(`HONGTU_OIDC_SCOPE must be scope names separated by spaces, got "${env.HONGTU_OIDC_SCOPE}"`);
  if (!scope.includes('openid')) scope.unshift('openid');
  let trustIdpMfa: boolean;
  try {
    trustIdpMfa = readBool(env.HONGTU_OIDC_TRUST_IDP_MFA, false);
  } catch (e) {
    throw new Error(`HONGTU_OIDC_TRUST_IDP_MFA: ${(e as Error).message}`);
  }
  return {
    issuer: issuerText,
    clientId,
    clientSecret,
    redirectUri: redirect.href,
    claim,
    label,
    scope: scope.join(' '),
    trustIdpMfa,
  };
}

/** The least retention the MLPS level-2 requirements allow for security logs (six months). */
export const AUDIT_RETENTION_FLOOR_DAYS = 180;

export interface AuditConfig {
  /** Entries older than this many days are pruned (never fewer than AUDIT_RETENTION_FLOOR_DAYS). */
  retentionDays: number;
  /** Pruning checkpoints are signed with an HMAC key derived from this (HONGTU_AUDIT_SECRET, else the JWT secret). */
  secret: string;
}

/** HONGTU_AUDIT_RETENTION_DAYS: default and floor 180 days; a shorter period is refused, naming the floor. */
export function readAuditRetention(v: string | undefined): number {
  if (v === undefined || v === '') return AUDIT_RETENTION_FLOOR_DAYS;
  const n = Number(v);
  if (!Number.isInteger(n) || n > 36_500) throw new Error(`HONGTU_AUDIT_RETENTION_DAYS must be a whole number of days (180–36500), got "${v}"`);
  if (n < AUDIT_RETENTION_FLOOR_DAYS) {
    throw new Error(`HONGTU_AUDIT_RETENTION_DAYS=${n} is below the 180-day floor for security logs (MLPS level 2, 等保二级); set 180 or more, or leave it unset`);
  }
  return n;
}

/** Parse an environment (process.env by default) into a frozen Config; throws with the variable's name on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const production = env.NODE_ENV === 'production';
  const embedder = (env.HONGTU_EMBEDDER ?? 'auto') as Config['embedder'];
  if (!['auto', 'neural', 'lexical'].includes(embedder)) {
    throw new Error(`HONGTU_EMBEDDER must be auto, neural or lexical, got "${embedder}"`);
  }
  const logLevel = (env.HONGTU_LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) throw new Error(`HONGTU_LOG_LEVEL must be debug, info, warn or error`);
  const devLogin = readBool(env.HONGTU_DEV_LOGIN, !production);
  const jwtSecret = env.HONGTU_JWT_SECRET ?? '';
  if (production && jwtSecret.length < 32) throw new Error('HONGTU_JWT_SECRET must be set (32+ characters) when NODE_ENV=production');
  const cfg: Config = {
    port: readInt('PORT', env.PORT, 4000, 0, 65535),
    host: env.HOST ?? '127.0.0.1',
    dataDir: readDataDir(env.HONGTU_DATA_DIR),
    neo4j: env.NEO4J_URI
      ? {
          uri: env.NEO4J_URI,
          user: env.NEO4J_USER ?? 'neo4j',
          password: env.NEO4J_PASSWORD ?? '',
          database: env.NEO4J_DATABASE ?? 'neo4j',
        }
      : null,
    devLogin,
    // A secret written in the source signs nothing that matters: with dev login on anyone may sign in
    // anyway; with it off, tokens of the public constant would let anyone act as any member, and
    // nothing here signs tokens, so a secret no one knows (new on each start) is the right default.
    jwtSecret: jwtSecret || (devLogin ? DEV_JWT_SECRET : randomBytes(32).toString('hex')),
    ballotSecret: '',
    audit: { retentionDays: AUDIT_RETENTION_FLOOR_DAYS, secret: '' },
    embedder,
    modelsDir: env.HONGTU_MODELS_DIR ? path.resolve(env.HONGTU_MODELS_DIR) : null,
    modelCacheDir: path.resolve(env.HONGTU_MODEL_CACHE ?? './data/models'),
    modelName: env.HONGTU_MODEL ?? 'Xenova/bge-small-zh-v1.5',
    // Production never seeds demo data, whatever HONGTU_SEED_DEMO says.
    seedDemo: !production && readBool(env.HONGTU_SEED_DEMO, true),
    clientDir: path.resolve(env.HONGTU_CLIENT_DIR ?? './client/dist'),
    graphiql: readBool(env.HONGTU_GRAPHIQL, !production),
    maxQueryDepth: readInt('HONGTU_MAX_DEPTH', env.HONGTU_MAX_DEPTH, 10, 2, 50),
    maxQueryCost: readInt('HONGTU_MAX_COST', env.HONGTU_MAX_COST, 5000, 10, 1_000_000),
    limits: {
      maxBodyBytes: readInt('HONGTU_MAX_BODY_BYTES', env.HONGTU_MAX_BODY_BYTES, 100_000, 1_000, 10_000_000),
      maxTokens: readInt('HONGTU_MAX_TOKENS', env.HONGTU_MAX_TOKENS, 2000, 100, 100_000),
      maxAliases: readInt('HONGTU_MAX_ALIASES', env.HONGTU_MAX_ALIASES, 15, 0, 1000),
      maxRootFields: readInt('HONGTU_MAX_ROOT_FIELDS', env.HONGTU_MAX_ROOT_FIELDS, 10, 1, 1000),
    },
    rateLimit: {
      perAddressPerMinute: readInt('HONGTU_RATE_PER_ADDRESS', env.HONGTU_RATE_PER_ADDRESS, 1200, 1, 1_000_000),
      perAccountPerMinute: readInt('HONGTU_RATE_PER_ACCOUNT', env.HONGTU_RATE_PER_ACCOUNT, 600, 1, 1_000_000),
      signInPerAddressPer5Min: readInt('HONGTU_RATE_SIGN_IN', env.HONGTU_RATE_SIGN_IN, 20, 1, 1_000_000),
    },
    passwordHashing: {
      concurrency: readInt('HONGTU_ARGON2_CONCURRENCY', env.HONGTU_ARGON2_CONCURRENCY, Math.max(1, Math.floor(availableParallelism() / 2)), 1, 64),
      maxWaiting: readInt('HONGTU_ARGON2_QUEUE', env.HONGTU_ARGON2_QUEUE, 64, 0, 10_000),
    },
    trustProxy: readBool(env.HONGTU_TRUST_PROXY, false),
    introspection: readBool(env.HONGTU_INTROSPECTION, !production),
    persistedOnly: readBool(env.HONGTU_PERSISTED_ONLY, production),
    production,
    logLevel,
    publicUrl: env.HONGTU_PUBLIC_URL ? readUrl('HONGTU_PUBLIC_URL', env.HONGTU_PUBLIC_URL) : null,
    trustedInstances: (env.HONGTU_TRUSTED_INSTANCES ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => readUrl('HONGTU_TRUSTED_INSTANCES', x)),
    auth: {
      sessionIdleMs: readInt('HONGTU_SESSION_IDLE_MINUTES', env.HONGTU_SESSION_IDLE_MINUTES, 30, 1, 24 * 60) * 60_000,
      sessionMaxMs: readInt('HONGTU_SESSION_MAX_HOURS', env.HONGTU_SESSION_MAX_HOURS, 12, 1, 24 * 30) * 3_600_000,
      cookieSecure: readCookieSecure(env.HONGTU_COOKIE_SECURE),
      tokenMaxDays: readInt('HONGTU_TOKEN_MAX_DAYS', env.HONGTU_TOKEN_MAX_DAYS, 90, 1, 366),
      oidc: readOidc(env),
      cacheMs: readInt('HONGTU_AUTH_CACHE_MS', env.HONGTU_AUTH_CACHE_MS, 10_000, 0, 60_000),
    },
  };
  cfg.ballotSecret = env.HONGTU_BALLOT_SECRET || cfg.jwtSecret;
  cfg.audit = { retentionDays: readAuditRetention(env.HONGTU_AUDIT_RETENTION_DAYS), secret: env.HONGTU_AUDIT_SECRET || cfg.jwtSecret };
  return Object.freeze(cfg);
}
