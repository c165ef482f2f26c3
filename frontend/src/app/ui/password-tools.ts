import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** Mirrors the gateway's policy so the form can say so before sending (contracts: NewPassword). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_BYTES = 72;

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

// The largest multiple of the alphabet size below 256: bytes above it are drawn again, so
// every character is equally likely.
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

/** A random password from the browser's cryptographic generator, easy to read out loud. */
export function generatePassword(length = 20): string {
  let password = '';
  while (password.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      if (byte < UNBIASED_LIMIT && password.length < length) {
        password += ALPHABET.charAt(byte % ALPHABET.length);
      }
    }
  }
  return password;
}

/** Length limits of the password policy; the gateway also refuses common passwords. */
export const passwordPolicy: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value = String(control.value ?? '');
  if (value === '') {
    return null;
  }
  if (value.length < PASSWORD_MIN_LENGTH) {
    return { minPasswordLength: { required: PASSWORD_MIN_LENGTH, actual: value.length } };
  }
  if (new TextEncoder().encode(value).length > PASSWORD_MAX_BYTES) {
    return { maxPasswordBytes: { limit: PASSWORD_MAX_BYTES } };
  }
  return null;
};

/** The message for a password control's policy errors. */
export function passwordProblem(control: AbstractControl): string {
  if (control.hasError('required')) {
    return 'Enter a password.';
  }
  if (control.hasError('minPasswordLength')) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  }
  if (control.hasError('maxPasswordBytes')) {
    return 'This password is too long.';
  }
  if (control.hasError('mismatch')) {
    return 'The passwords do not match.';
  }
  return '';
}
