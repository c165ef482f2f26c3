import type { CommonConfig, Environment } from '@deskpilot/config';
import { commonConfig, commonEnvironment, env, readEnvironment } from '@deskpilot/config';

const llmEnvironment = commonEnvironment.extend({
  PORT: env.port(),
  OPENROUTER_API_KEY: env.string(),
  OPENROUTER_BASE_URL: env.url(['http', 'https']),
  LLM_MODEL: env.string(),
});

export interface LlmConfig {
  readonly common: CommonConfig;
  readonly port: number;
  readonly openRouter: {
    /** Without a key the offline answerer is used. */
    readonly apiKey: string | undefined;
    readonly baseUrl: string;
    readonly model: string;
  };
}

export function loadLlmConfig(environment: Environment): LlmConfig {
  const vars = readEnvironment(llmEnvironment, environment);
  return {
    common: commonConfig(vars),
    port: vars.PORT ?? 3003,
    openRouter: {
      apiKey: vars.OPENROUTER_API_KEY,
      baseUrl: vars.OPENROUTER_BASE_URL ?? 'https://openrouter.ai/api/v1',
      model: vars.LLM_MODEL ?? 'openai/gpt-4o-mini',
    },
  };
}
