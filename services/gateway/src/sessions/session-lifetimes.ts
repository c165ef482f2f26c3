/** An access token lives 15 minutes; the console refreshes it shortly before. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** A refresh token not used for a week expires; each use replaces it with a fresh one. */
export const REFRESH_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** However often it is refreshed, a session ends 30 days after sign-in. */
export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export type RevocationReason =
  'logout' | 'token_reuse' | 'user_disabled' | 'password_reset' | 'password_changed';
