import { z } from 'zod';

import { PageQuery, pageOf } from './paging.http';

/** Admins manage users, the knowledge base and bot settings; staff chat and handle drafts. */
export const Role = z.enum(['admin', 'staff']);
export type Role = z.infer<typeof Role>;
export const ROLES: readonly Role[] = Role.options;

export const PASSWORD_MIN_LENGTH = 12;
/** bcrypt reads at most 72 bytes; longer passwords would be silently cut. */
export const PASSWORD_MAX_BYTES = 72;

/**
 * A new password as the console can check it before sending. The gateway also refuses common
 * passwords and passwords that contain the account's email address.
 */
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine(
    (password) => new TextEncoder().encode(password).length <= PASSWORD_MAX_BYTES,
    `must be at most ${PASSWORD_MAX_BYTES} bytes`,
  );

/** Email addresses are compared case-insensitively and stored lower-case. */
export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const UserName = z.string().trim().min(1).max(200);

export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  disabled: z.boolean(),
  /** Set while sign-in is blocked after repeated failures; an admin can unlock earlier. */
  lockedUntil: z.iso.datetime().nullable(),
  lastLoginAt: z.iso.datetime().nullable(),
  passwordChangedAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type User = z.infer<typeof User>;

export const CreateUserRequest = z.strictObject({
  email: Email,
  password: NewPassword,
  role: Role,
  name: UserName,
});
export type CreateUserRequest = z.input<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .strictObject({ name: UserName.optional(), role: Role.optional() })
  .refine((patch) => patch.name !== undefined || patch.role !== undefined, {
    message: 'name or role is required',
  });
export type UpdateUserRequest = z.input<typeof UpdateUserRequest>;

export const ResetPasswordRequest = z.strictObject({ password: NewPassword });
export type ResetPasswordRequest = z.input<typeof ResetPasswordRequest>;

export const ChangeOwnPasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: NewPassword,
});
export type ChangeOwnPasswordRequest = z.input<typeof ChangeOwnPasswordRequest>;

export const UserStatus = z.enum(['active', 'disabled', 'locked']);
export type UserStatus = z.infer<typeof UserStatus>;

export const UserListQuery = PageQuery.extend({
  /** Part of the name or email address. */
  search: z.string().trim().min(1).max(200).optional(),
  role: Role.optional(),
  status: UserStatus.optional(),
});
export type UserListQuery = z.input<typeof UserListQuery>;

export const UserPage = pageOf(User);
export type UserPage = z.infer<typeof UserPage>;
