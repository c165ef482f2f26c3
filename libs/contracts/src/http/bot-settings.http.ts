import { z } from 'zod';

import { BotSettingsValues } from '../messages/answering.messages';
import { PageQuery, pageOf } from './paging.http';

/** `author/slug`, optionally with a `:variant` (the pattern llm's LLM_MODEL accepts). */
const MODEL_ID = /^[\w.-]+\/[\w.-]+(?::[\w-]+)?$/;

export const ModelId = z
  .string()
  .trim()
  .regex(MODEL_ID, 'must be an OpenRouter model id such as openai/gpt-4o-mini')
  .max(200);

/**
 * The full settings of `PUT /api/settings/bot` and the playground; every field is required but
 * `translateQuestions` and `rewriteFollowUps`, which are on unless sent as false.
 */
export const UpdateBotSettingsRequest = z.strictObject({
  model: ModelId,
  fallbackModels: z.array(ModelId).max(5),
  temperature: z.number().min(0).max(2),
  maxTokens: z.number().int().min(16).max(16_384),
  systemPrompt: z.string().max(8_000),
  passages: z.number().int().min(1).max(20),
  denseWeight: z.number().min(0).max(1),
  translateQuestions: z.boolean().default(true),
  rewriteFollowUps: z.boolean().default(true),
});
export type UpdateBotSettingsRequest = z.input<typeof UpdateBotSettingsRequest>;

/** Why a version was made, shown in the history; optional, blank means none. */
const VersionNote = z
  .string()
  .trim()
  .max(500)
  .transform((note) => (note === '' ? null : note));

/** `PUT /api/settings/bot` body: the settings and an optional note. */
export const SaveBotSettingsRequest = UpdateBotSettingsRequest.extend({
  note: VersionNote.optional(),
});
export type SaveBotSettingsRequest = z.input<typeof SaveBotSettingsRequest>;

export const SettingsAuthor = z.object({
  id: z.uuid().nullable(),
  email: z.string().nullable(),
});

/** A stored settings version. Version 0 stands for llm's built-in defaults (nothing saved yet). */
export const BotSettingsVersion = z.object({
  version: z.number().int().nonnegative(),
  settings: BotSettingsValues,
  /** null for version 0. */
  author: SettingsAuthor.nullable(),
  /** null for version 0. */
  createdAt: z.iso.datetime().nullable(),
  /** Set when this version was made by rolling back to an older one. */
  restoredFrom: z.number().int().positive().nullable(),
  /** Why it was saved, as its author wrote it; null when none was given. */
  note: z.string().nullable(),
});
export type BotSettingsVersion = z.infer<typeof BotSettingsVersion>;

/** `GET /api/settings/bot/versions?page=&pageSize=`: newest first. */
export const BotSettingsHistoryQuery = PageQuery;
export const BotSettingsHistory = pageOf(BotSettingsVersion);
export type BotSettingsHistory = z.infer<typeof BotSettingsHistory>;

/** `GET /api/settings/bot/diff?from=3&to=5` (0 = defaults). */
export const BotSettingsDiffQuery = z.object({
  from: z.coerce.number().int().nonnegative(),
  to: z.coerce.number().int().nonnegative(),
});
export type BotSettingsDiffQuery = z.input<typeof BotSettingsDiffQuery>;

export const BotSettingsChange = z.object({
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});

export const BotSettingsDiff = z.object({
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  /** Only the fields that differ, in the order of the settings. */
  changes: z.array(BotSettingsChange),
});
export type BotSettingsDiff = z.infer<typeof BotSettingsDiff>;

/** `POST /api/settings/bot/rollback`: a new version equal to `version`. */
export const RollbackBotSettingsRequest = z.strictObject({
  version: z.number().int().positive(),
  note: VersionNote.optional(),
});
export type RollbackBotSettingsRequest = z.input<typeof RollbackBotSettingsRequest>;
