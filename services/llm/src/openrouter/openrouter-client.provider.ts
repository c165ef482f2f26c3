import type { Provider } from '@nestjs/common';
import OpenAI from 'openai';

import { LLM_CONFIG } from '../config/llm-config.token';
import type { LlmConfig } from '../config/llm.config';

/** The openai SDK pointed at OpenRouter; null without an API key (offline answerer). */
export const OPENROUTER_CLIENT = Symbol('OPENROUTER_CLIENT');

export const openRouterClientProvider: Provider = {
  provide: OPENROUTER_CLIENT,
  inject: [LLM_CONFIG],
  useFactory: ({ openRouter }: LlmConfig): OpenAI | null =>
    openRouter.apiKey === undefined
      ? null
      : new OpenAI({
          baseURL: openRouter.baseUrl,
          apiKey: openRouter.apiKey,
          defaultHeaders: {
            'HTTP-Referer': openRouter.appUrl,
            'X-OpenRouter-Title': openRouter.appTitle,
          },
          // Retries are ours: openai 6.49 would honour any Retry-After, however long.
          maxRetries: 0,
          timeout: openRouter.requestTimeoutMs,
        }),
};
