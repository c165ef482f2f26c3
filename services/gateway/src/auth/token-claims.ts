/** Issuer and audience every access token carries and every check requires. */
export const TOKEN_ISSUER = 'deskpilot';
export const TOKEN_AUDIENCE = 'deskpilot-api';
export const TOKEN_ALGORITHM = 'HS256';

/** Claims of an access token: who (`sub`), which session (`sid`), and that it is one (`typ`). */
export interface AccessTokenClaims {
  readonly sub: string;
  readonly sid: string;
  readonly role: string;
  readonly typ: 'access';
}

export function isAccessTokenClaims(payload: unknown): payload is AccessTokenClaims {
  if (typeof payload !== 'object' || payload === null) {
    return false;
  }
  const claims = payload as Partial<Record<keyof AccessTokenClaims, unknown>>;
  return (
    typeof claims.sub === 'string' && typeof claims.sid === 'string' && claims.typ === 'access'
  );
}
