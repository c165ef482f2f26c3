import { z } from 'zod';

import { InteractionOutcome } from '../messages/answering.messages';
import { InteractionKind } from '../messages/interactions.messages';

/**
 * `GET /api/interactions`: the interaction log, newest first. Page with `cursor` = the previous
 * page's `nextCursor`. The answer is `ListInteractionsResponse`, one entry `InteractionDetail`.
 */
export const InteractionsQuery = z.object({
  userId: z.string().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  feedback: z.enum(['up', 'down', 'none', 'any']).optional(),
  model: z.string().min(1).max(200).optional(),
  outcome: InteractionOutcome.optional(),
  kind: InteractionKind.optional(),
  /**
   * `none`: answers that cite no passage (what the knowledge base lacks); `some`: the others;
   * `off-topic`: answers citing passages that say little about the question (it may lack that);
   * `passed-over`: answers that leave out an article scored about as high as those they cite.
   */
  cited: z.enum(['none', 'some', 'off-topic', 'passed-over']).optional(),
  /** Answers at least this confident (0-1); with `belowConfidence`, a band of confidence. */
  minConfidence: z.coerce.number().min(0).max(1).optional(),
  belowConfidence: z.coerce.number().min(0).max(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(500).optional(),
});
export type InteractionsQuery = z.input<typeof InteractionsQuery>;
