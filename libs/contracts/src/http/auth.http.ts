import { z } from 'zod';

import { User } from './users.http';

/**
 * The refresh token never appears in a response body: it travels in this httpOnly,
 * SameSite=Strict cookie, sent by the browser only to the auth endpoints.
 */
export const REFRESH_COOKIE = 'deskpilot_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

export const LoginRequest = z.strictObject({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.input<typeof LoginRequest>;

/** Returned by login and refresh; the console keeps the access token in memory only. */
export const AccessTokenResponse = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  /** Seconds until the access token expires (refresh a little before). */
  expiresIn: z.number().int().positive(),
  expiresAt: z.iso.datetime(),
  user: User,
});
export type AccessTokenResponse = z.infer<typeof AccessTokenResponse>;
