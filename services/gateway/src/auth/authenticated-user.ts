import type { Role } from '@deskpilot/contracts';

/** The caller of an authenticated route, as read from the database on this request. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** The sign-in session the access token belongs to. */
  readonly sessionId: string;
}
