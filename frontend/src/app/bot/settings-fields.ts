import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

import type { BotSettingsValues } from '@deskpilot/contracts';

/** `author/slug`, optionally with a `:variant`: the ids the gateway accepts (bot-settings.http.ts). */
const MODEL_ID = /^[\w.-]+\/[\w.-]+(?::[\w-]+)?$/;
export const MAX_FALLBACK_MODELS = 5;

/** The person-readable name of each settings field, in the settings' order. */
export const FIELD_LABELS: Readonly<Record<keyof BotSettingsValues, string>> = {
  model: 'Model',
  fallbackModels: 'Fallback models',
  temperature: 'Temperature',
  maxTokens: 'Max tokens',
  systemPrompt: 'System prompt',
  passages: 'Passages',
  denseWeight: 'Dense weight',
  translateQuestions: 'Translate questions for the search',
  rewriteFollowUps: 'Rewrite follow-up questions for the search',
};

export function fieldLabel(field: string): string {
  return field in FIELD_LABELS ? FIELD_LABELS[field as keyof BotSettingsValues] : field;
}

/** A settings value as one line of text (lists joined, numbers as they are). */
export function formatValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value.length === 0 ? '(none)' : value.join(', ');
  }
  if (typeof value === 'string') {
    return value === '' ? '(empty)' : value;
  }
  if (typeof value === 'boolean') {
    return value ? 'on' : 'off';
  }
  return String(value);
}

export function isModelId(value: string): boolean {
  return MODEL_ID.test(value);
}

/** Comma- or line-separated model ids, blanks dropped. */
export function splitModels(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export const modelIdValidator: ValidatorFn = (control: AbstractControl<string>) => {
  const value = control.value.trim();
  return value === '' || isModelId(value) ? null : { modelId: true };
};

export const fallbackModelsValidator: ValidatorFn = (
  control: AbstractControl<string>,
): ValidationErrors | null => {
  const models = splitModels(control.value);
  if (models.length > MAX_FALLBACK_MODELS) {
    return { tooMany: true };
  }
  const invalid = models.filter((model) => !isModelId(model));
  return invalid.length === 0 ? null : { modelId: invalid.join(', ') };
};
