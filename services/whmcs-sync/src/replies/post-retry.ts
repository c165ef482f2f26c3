/** The longest wait between two posts of one reply that WHMCS did not confirm. */
export const MAX_POST_RETRY_MS = 15 * 60_000;

/**
 * How long a reply whose post WHMCS did not confirm waits before it is checked in WHMCS and,
 * when missing, posted again: the WHMCS timeout after the first post, doubling after each
 * further one up to `MAX_POST_RETRY_MS`. A WHMCS that keeps failing is not pressed every few
 * seconds, and the attempts before a reply is given up span about an hour with a 30 s timeout.
 */
export function postRetryDelayMs(attempts: number, timeoutMs: number): number {
  return Math.min(timeoutMs * 2 ** Math.max(0, attempts - 1), MAX_POST_RETRY_MS);
}
