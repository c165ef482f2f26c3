import type { BotSettingsValues } from '@deskpilot/contracts';
import { DEFAULT_DENSE_WEIGHT, DEFAULT_PROMPT_PASSAGES } from '@deskpilot/contracts';

export const DEFAULT_SYSTEM_PROMPT =
  'You are Deskpilot, the assistant of a web hosting company’s support team. Answer questions ' +
  'about hosting, domains, e-mail, billing and the control panel clearly and briefly, in the ' +
  'language of the question.';

/** What llm answers with until the gateway publishes its first settings version. */
export function defaultBotSettings(model: string): BotSettingsValues {
  return {
    model,
    fallbackModels: [],
    temperature: 0.2,
    maxTokens: 700,
    systemPrompt: DEFAULT_SYSTEM_PROMPT,
    passages: DEFAULT_PROMPT_PASSAGES,
    denseWeight: DEFAULT_DENSE_WEIGHT,
    translateQuestions: true,
    rewriteFollowUps: true,
  };
}
