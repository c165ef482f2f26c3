import { ConfigError } from '@deskpilot/config';

import { loadLlmConfig } from './llm.config';

describe(loadLlmConfig.name, () => {
  it('should default to OpenRouter without a key (offline answerer)', () => {
    const config = loadLlmConfig({});

    expect(config.openRouter).toMatchObject({
      apiKey: undefined,
      baseUrl: 'https://openrouter.ai/api/v1',
      model: 'openai/gpt-4o-mini',
      maxRetries: 2,
    });
  });

  it('should name each invalid variable', () => {
    const load = (): unknown =>
      loadLlmConfig({
        OPENROUTER_BASE_URL: 'ftp://example.com',
        LLM_MODEL: 'gpt-4o-mini',
        LLM_FIRST_TOKEN_TIMEOUT_MS: 'soon',
      });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/OPENROUTER_BASE_URL: must use http or https/);
    expect(load).toThrow(/LLM_MODEL: must be an OpenRouter model id/);
    expect(load).toThrow(/LLM_FIRST_TOKEN_TIMEOUT_MS: must be an integer/);
  });

  it('should keep the interaction log for ever unless LLM_LOG_RETENTION_DAYS sets a period', () => {
    expect(loadLlmConfig({}).logRetentionDays).toBe(0);
    expect(loadLlmConfig({ LLM_LOG_RETENTION_DAYS: '365' }).logRetentionDays).toBe(365);
    expect(() => loadLlmConfig({ LLM_LOG_RETENTION_DAYS: '-3' })).toThrow(
      /LLM_LOG_RETENTION_DAYS: must be an integer from 0/,
    );
  });
});
