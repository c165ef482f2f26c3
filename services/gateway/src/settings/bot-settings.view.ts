import type { BotSettingsDiff, BotSettingsValues, BotSettingsVersion } from '@deskpilot/contracts';

import type { BotSettingsVersionEntity } from './entities/bot-settings-version.entity';

export function toVersionView(entity: BotSettingsVersionEntity): BotSettingsVersion {
  return {
    version: entity.version,
    settings: entity.settings,
    author: { id: entity.authorId, email: entity.authorEmail },
    createdAt: entity.createdAt.toISOString(),
    restoredFrom: entity.restoredFrom,
    note: entity.note,
  };
}

const FIELDS: readonly (keyof BotSettingsValues)[] = [
  'model',
  'fallbackModels',
  'temperature',
  'maxTokens',
  'systemPrompt',
  'passages',
  'denseWeight',
  'translateQuestions',
  'rewriteFollowUps',
];

/** The fields that differ between two settings, in the settings' order. */
export function changesBetween(
  from: BotSettingsValues,
  to: BotSettingsValues,
): BotSettingsDiff['changes'] {
  return FIELDS.filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field])).map(
    (field) => ({ field, from: from[field], to: to[field] }),
  );
}
