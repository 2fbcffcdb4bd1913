import type { CombinedError } from 'urql';

/** Codes the API sends in `extensions.code` (server/errors.ts), plus the two the client adds. */
export const KNOWN_CODES = ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'UNAVAILABLE', 'RATE_LIMITED', 'NETWORK', 'UNKNOWN'] as const;
export type ClientErrorCode = (typeof KNOWN_CODES)[number];

/**
 * Pick the code that decides what the user is told: the first GraphQL error's `extensions.code`,
 * NETWORK when the request never got an answer, else UNKNOWN. Never looks at message text.
 */
export function errorCodeOf(error: Pick<CombinedError, 'graphQLErrors' | 'networkError'> | null | undefined): ClientErrorCode {
  if (!error) return 'UNKNOWN';
  const code = error.graphQLErrors?.[0]?.extensions?.code;
  if (typeof code === 'string' && (KNOWN_CODES as readonly string[]).includes(code)) return code as ClientErrorCode;
  if (error.networkError && !error.graphQLErrors?.length) return 'NETWORK';
  return 'UNKNOWN';
}
