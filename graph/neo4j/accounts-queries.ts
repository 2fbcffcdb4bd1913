/**
 * Cypher of accounts, browser sessions and personal access tokens (catalogued in ./catalog, linted by
 * test/neo4j-lint.test.ts). Account.id is the member id; AuthSession.id the session-id hash.
 */
const ACCOUNT_COLUMNS = `a.id AS memberId, a.loginName AS loginName, a.status AS status, a.passwordHash AS passwordHash,
       a.mustChangePassword AS mustChangePassword, a.failedAttempts AS failedAttempts, a.lockedUntil AS lockedUntil,
       a.totpSecret AS totpSecret, a.totpEnabled AS totpEnabled, a.recoveryCodeHashes AS recoveryCodeHashes,
       a.createdAt AS createdAt, a.updatedAt AS updatedAt`;
const SESSION_COLUMNS = `s.id AS id, s.memberId AS memberId, s.createdAt AS createdAt, s.lastSeenAt AS lastSeenAt,
       s.expiresAt AS expiresAt, s.revokedAt AS revokedAt, s.role AS role, s.method AS method, s.userAgent AS userAgent`;
const TOKEN_COLUMNS = `t.id AS id, t.memberId AS memberId, t.name AS name, t.secretHash AS secretHash, t.scope AS scope,
       t.introspect AS introspect, t.createdAt AS createdAt, t.expiresAt AS expiresAt, t.revokedAt AS revokedAt,
       t.lastUsedAt AS lastUsedAt`;

export const ACCOUNT_Q = {
  account: `MATCH (a:Account {id: $id}) RETURN ${ACCOUNT_COLUMNS}`,
  accountByLogin: `MATCH (a:Account {loginName: $loginName}) RETURN ${ACCOUNT_COLUMNS}`,
  /** Member and login-name checks of a new account, in one round trip. */
  createCheck: `RETURN EXISTS { MATCH (:Member {id: $memberId}) } AS memberExists,
       EXISTS { MATCH (:Account {id: $memberId}) } AS hasAccount,
       COLLECT { MATCH (o:Account {loginName: $loginName}) RETURN o.id } AS loginOwners`,
  createAccount: `CREATE (a:Account {id: $memberId, loginName: $loginName, status: $status, passwordHash: $passwordHash,
         mustChangePassword: $mustChangePassword, failedAttempts: $failedAttempts, lockedUntil: $lockedUntil,
         totpSecret: $totpSecret, totpEnabled: $totpEnabled, recoveryCodeHashes: $recoveryCodeHashes,
         createdAt: $now, updatedAt: $now})
RETURN ${ACCOUNT_COLUMNS}`,
  updateAccount: `MATCH (a:Account {id: $memberId})
SET a.loginName = $loginName, a.status = $status, a.passwordHash = $passwordHash,
    a.mustChangePassword = $mustChangePassword, a.failedAttempts = $failedAttempts, a.lockedUntil = $lockedUntil,
    a.totpSecret = $totpSecret, a.totpEnabled = $totpEnabled, a.recoveryCodeHashes = $recoveryCodeHashes,
    a.updatedAt = $now
RETURN ${ACCOUNT_COLUMNS}`,
  /** SET on the node takes its write lock, so concurrent failures each count. */
  addFailure: `MATCH (a:Account {id: $id}) SET a.failedAttempts = coalesce(a.failedAttempts, 0) + 1 RETURN a.failedAttempts AS n`,
  createSession: `CREATE (s:AuthSession {id: $id, memberId: $memberId, createdAt: $createdAt, lastSeenAt: $lastSeenAt,
         expiresAt: $expiresAt, revokedAt: $revokedAt, role: $role, method: $method, userAgent: $userAgent})`,
  session: `MATCH (s:AuthSession {id: $id}) RETURN ${SESSION_COLUMNS}`,
  touchSession: `MATCH (s:AuthSession {id: $id}) SET s.lastSeenAt = $at`,
  revokeSessions: `MATCH (s:AuthSession {memberId: $memberId})
WHERE s.revokedAt = 0 AND ($onlyId IS NULL OR s.id = $onlyId) AND ($exceptId IS NULL OR s.id <> $exceptId)
SET s.revokedAt = $at
RETURN count(s) AS n`,
  listSessions: `MATCH (s:AuthSession {memberId: $memberId}) WHERE s.revokedAt = 0 AND s.expiresAt > $now
RETURN ${SESSION_COLUMNS} ORDER BY s.createdAt DESC, s.id`,
  tokenCheck: `RETURN EXISTS { MATCH (:Member {id: $memberId}) } AS memberExists, EXISTS { MATCH (:AccessToken {id: $id}) } AS taken`,
  createToken: `CREATE (t:AccessToken {id: $id, memberId: $memberId, name: $name, secretHash: $secretHash, scope: $scope,
         introspect: $introspect, createdAt: $createdAt, expiresAt: $expiresAt, revokedAt: $revokedAt, lastUsedAt: $lastUsedAt})`,
  token: `MATCH (t:AccessToken {id: $id}) RETURN ${TOKEN_COLUMNS}`,
  listTokens: `MATCH (t:AccessToken {memberId: $memberId}) RETURN ${TOKEN_COLUMNS} ORDER BY t.createdAt DESC, t.id`,
  revokeTokens: `MATCH (t:AccessToken {memberId: $memberId}) WHERE t.revokedAt = 0 AND ($onlyId IS NULL OR t.id = $onlyId)
SET t.revokedAt = $at
RETURN count(t) AS n`,
  touchToken: `MATCH (t:AccessToken {id: $id}) SET t.lastUsedAt = $at`,
} as const;

/** Constraints and indexes beyond the `id` uniqueness every label gets. */
export const ACCOUNT_DDL = {
  account_login: 'CREATE CONSTRAINT account_login IF NOT EXISTS FOR (n:Account) REQUIRE n.loginName IS UNIQUE',
  auth_session_member: 'CREATE INDEX auth_session_member IF NOT EXISTS FOR (n:AuthSession) ON (n.memberId)',
  access_token_member: 'CREATE INDEX access_token_member IF NOT EXISTS FOR (n:AccessToken) ON (n.memberId)',
} as const;
