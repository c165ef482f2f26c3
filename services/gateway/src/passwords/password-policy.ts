import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '@deskpilot/contracts';

import { commonPasswords } from './common-passwords';

export interface PasswordOwner {
  readonly email?: string | undefined;
}

/** "aaaaaaaaaaaa" or "abababababab" are long but guessed at once. */
const MIN_DISTINCT_CHARACTERS = 5;

/** Parts of an email address too short to be worth refusing inside a password. */
const MIN_EMAIL_PART = 4;

/**
 * Why a new password is refused, or an empty list: long enough, within bcrypt's 72 bytes, not one
 * of the most common passwords, and not built from the account's email address.
 */
export function passwordProblems(password: string, owner: PasswordOwner = {}): string[] {
  const problems: string[] = [];
  if (Array.from(password).length < PASSWORD_MIN_LENGTH) {
    problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
    problems.push(`must be at most ${PASSWORD_MAX_BYTES} bytes`);
  }
  if (new Set(Array.from(password)).size < MIN_DISTINCT_CHARACTERS) {
    problems.push(`must use at least ${MIN_DISTINCT_CHARACTERS} different characters`);
  }
  const lowered = password.toLowerCase();
  // "Password2024!" is as guessable as "password": attackers try the list with such padding.
  const core = lowered.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (commonPasswords().has(lowered) || commonPasswords().has(core)) {
    problems.push('is one of the most commonly used passwords');
  }
  const local = owner.email?.split('@')[0]?.toLowerCase();
  if (local !== undefined && local.length >= MIN_EMAIL_PART && lowered.includes(local)) {
    problems.push('must not contain the email address');
  }
  return problems;
}
