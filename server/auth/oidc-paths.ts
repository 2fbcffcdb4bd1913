/** HTTP paths of campus single sign-on (served by server/auth/oidc-plugin.ts). */
export const OIDC_START_PATH = '/auth/oidc/start';
export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';
