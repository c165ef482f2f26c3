import { z } from 'zod';

import {
  AnswerFinalChunk,
  AnswerPassage,
  BotSettingsValues,
  PromptMessage,
} from '../messages/answering.messages';
import { Citation } from '../messages/drafting.messages';
import { UpdateBotSettingsRequest } from './bot-settings.http';

/**
 * `POST /api/playground`: answers a query with the current settings, a stored version
 * (`version`) or an unsaved draft (`settings`), never both. Side by side = two calls.
 */
export const PlaygroundRequest = z
  .strictObject({
    query: z.string().trim().min(1).max(8_000),
    settings: UpdateBotSettingsRequest.optional(),
    version: z.number().int().positive().optional(),
  })
  .refine((body) => body.settings === undefined || body.version === undefined, {
    message: 'give settings or version, not both',
  });
export type PlaygroundRequest = z.input<typeof PlaygroundRequest>;

export const PlaygroundResult = z.object({
  interactionId: z.uuid(),
  /** null for a draft. */
  settingsVersion: z.number().int().nonnegative().nullable(),
  settings: BotSettingsValues,
  model: z.string(),
  offline: z.boolean(),
  passages: z.array(AnswerPassage),
  prompt: z.array(PromptMessage),
  answer: z.string(),
  citations: z.array(Citation),
  final: AnswerFinalChunk,
});
export type PlaygroundResult = z.infer<typeof PlaygroundResult>;
