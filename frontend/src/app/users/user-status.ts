import type { User } from '@deskpilot/contracts';

import type { BadgeTone } from '../ui/status-badge';

export interface UserStatusView {
  readonly label: string;
  readonly tone: BadgeTone;
  readonly locked: boolean;
}

export const ROLE_LABELS = { admin: 'Administrator', staff: 'Support staff' } as const;

/** Disabled wins over locked: a disabled account cannot sign in whatever its lockout. */
export function userStatus(user: User, now = Date.now()): UserStatusView {
  const locked = user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
  if (user.disabled) {
    return { label: 'Disabled', tone: 'neutral', locked };
  }
  if (locked) {
    return { label: 'Locked', tone: 'warning', locked };
  }
  return { label: 'Active', tone: 'success', locked };
}
