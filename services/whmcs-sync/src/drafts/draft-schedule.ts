import type { Draft } from './entities/draft.entity';

/** Requests per draft before it is marked failed for want of an answer. */
export const MAX_DRAFT_REQUESTS = 4;

const RETRY_BASE_MS = 30_000;
const RECOVERY_FIRST_MS = 5 * 60_000;
const RECOVERY_LONGEST_MS = 60 * 60_000;
/** A draft that has failed for this long since it was created is left to the reviewers. */
const RECOVERY_WINDOW_MS = 24 * 60 * 60_000;

/** When a pending draft whose drafter failed for a passing reason is asked for again. */
export function retryAt(requestAttempts: number, now: Date): Date {
  return new Date(now.getTime() + RETRY_BASE_MS * 2 ** requestAttempts);
}

/**
 * When a failed draft is asked for again, so that the drafts of a model or llm outage arrive
 * once it is over: five minutes after it failed, twice as long after every further request, at
 * most an hour apart, until a day after the draft was created. Null when the day is over.
 */
export function recoveryAt(
  draft: Pick<Draft, 'requestAttempts' | 'createdAt'>,
  now: Date,
): Date | null {
  const round = Math.max(0, draft.requestAttempts - MAX_DRAFT_REQUESTS);
  const delay = Math.min(RECOVERY_FIRST_MS * 2 ** round, RECOVERY_LONGEST_MS);
  const at = now.getTime() + delay;
  return at > draft.createdAt.getTime() + RECOVERY_WINDOW_MS ? null : new Date(at);
}
