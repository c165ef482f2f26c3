import type { User } from '@deskpilot/contracts';

import type { UserEntity } from './entities/user.entity';

/** The account as the API shows it: never the password hash or the failure counter. */
export function toUserView(user: UserEntity, now: Date = new Date()): User {
  const locked = user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    lockedUntil: locked && user.lockedUntil !== null ? user.lockedUntil.toISOString() : null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    passwordChangedAt: user.passwordChangedAt.toISOString(),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
