/**
 * The only file that reads process.env. Parsed once, validated, frozen.
 * Every variable is documented in .env.example with its default.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
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
  logLevel: 'debug' | 'info' | 'warn' | 'error';
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
  /** Campus single sign-on (OpenID Connect); null when not configured. */
  oidc: OidcConfig | null;
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
  let st;
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

function readCookieSecure(v: string | undefined): AuthConfig['cookieSecure'] {
  if (v === undefined || v === '' || v === 'auto') return 'auto';
  return readBool(v, true) ? 'always' : 'never';
}

function readOidc(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.HONGTU_OIDC_ISSUER ?? '';
  if (!issuer) return null;
  const need = (name: string) => {
    const v = env[name] ?? '';
    if (!v) throw new Error(`${name} must be set when HONGTU_OIDC_ISSUER is set`);
    return v;
  };
  try { new URL(issuer); } catch { throw new Error(`HONGTU_OIDC_ISSUER must be a URL, got "${issuer}"`); }
  return {
    issuer, clientId: need('HONGTU_OIDC_CLIENT_ID'), clientSecret: need('HONGTU_OIDC_CLIENT_SECRET'),
    redirectUri: need('HONGTU_OIDC_REDIRECT_URI'), claim: env.HONGTU_OIDC_CLAIM || 'preferred_username',
    label: env.HONGTU_OIDC_LABEL || '统一身份认证',
  };
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
    embedder,
    modelsDir: env.HONGTU_MODELS_DIR ? path.resolve(env.HONGTU_MODELS_DIR) : null,
    modelCacheDir: path.resolve(env.HONGTU_MODEL_CACHE ?? './data/models'),
    modelName: env.HONGTU_MODEL ?? 'Xenova/bge-small-zh-v1.5',
    seedDemo: readBool(env.HONGTU_SEED_DEMO, true),
    clientDir: path.resolve(env.HONGTU_CLIENT_DIR ?? './client/dist'),
    graphiql: readBool(env.HONGTU_GRAPHIQL, !production),
    maxQueryDepth: readInt('HONGTU_MAX_DEPTH', env.HONGTU_MAX_DEPTH, 10, 2, 50),
    maxQueryCost: readInt('HONGTU_MAX_COST', env.HONGTU_MAX_COST, 5000, 10, 1_000_000),
    logLevel,
    auth: {
      sessionIdleMs: readInt('HONGTU_SESSION_IDLE_MINUTES', env.HONGTU_SESSION_IDLE_MINUTES, 30, 1, 24 * 60) * 60_000,
      sessionMaxMs: readInt('HONGTU_SESSION_MAX_HOURS', env.HONGTU_SESSION_MAX_HOURS, 12, 1, 24 * 30) * 3_600_000,
      cookieSecure: readCookieSecure(env.HONGTU_COOKIE_SECURE),
      tokenMaxDays: readInt('HONGTU_TOKEN_MAX_DAYS', env.HONGTU_TOKEN_MAX_DAYS, 90, 1, 366),
      oidc: readOidc(env),
    },
  };
  return Object.freeze(cfg);
}
