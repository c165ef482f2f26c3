import type { BotSettingsValues } from '@deskpilot/contracts';

import { changesBetween } from './bot-settings.view';

const BASE: BotSettingsValues = {
  model: 'openai/gpt-4o-mini',
  fallbackModels: ['anthropic/claude-3.5-haiku'],
  temperature: 0.2,
  maxTokens: 700,
  systemPrompt: 'Be brief.',
  passages: 6,
  denseWeight: 0.5,
  translateQuestions: true,
  rewriteFollowUps: true,
};

describe(changesBetween.name, () => {
  it('should list nothing when the settings are equal', () => {
    const sut = changesBetween;

    expect(sut(BASE, { ...BASE, fallbackModels: [...BASE.fallbackModels] })).toEqual([]);
  });

  it('should list the changed fields in the settings order when several differ', () => {
    const sut = changesBetween;

    const changes = sut(BASE, {
      ...BASE,
      denseWeight: 0.8,
      model: 'openai/gpt-4o',
      fallbackModels: [],
    });

    expect(changes).toEqual([
      { field: 'model', from: 'openai/gpt-4o-mini', to: 'openai/gpt-4o' },
      { field: 'fallbackModels', from: ['anthropic/claude-3.5-haiku'], to: [] },
      { field: 'denseWeight', from: 0.5, to: 0.8 },
    ]);
  });
});
