import { z } from 'zod';

import { ConfigError, env } from '@deskpilot/config';

/** Environment variables of the embedder, read by each service's config file. */
export const embeddingsEnvironment = z.object({
  EMBEDDINGS_PROVIDER: env.oneOf(['local', 'openai'] as const),
  EMBEDDINGS_BASE_URL: env.url(['http', 'https']),
  EMBEDDINGS_MODEL: env.string(),
  EMBEDDINGS_API_KEY: env.string(),
  OPENROUTER_API_KEY: env.string(),
  EMBEDDINGS_DIMENSIONS: env.int(1, 16_384),
  EMBEDDINGS_BATCH_SIZE: env.int(1, 2_048),
});

export type EmbeddingsConfig =
  | { readonly provider: 'local' }
  | {
      readonly provider: 'openai';
      readonly baseUrl: string;
      readonly model: string;
      readonly apiKey: string;
      /** Unset: asked from the endpoint once at start. */
      readonly dimension: number | undefined;
      readonly batchSize: number;
    };

export const DEFAULT_EMBEDDINGS_BASE_URL = 'https://openrouter.ai/api/v1';
export const DEFAULT_EMBEDDINGS_MODEL = 'openai/text-embedding-3-small';

/**
 * `EMBEDDINGS_PROVIDER=local` (the default) needs nothing else. `openai` uses
 * `EMBEDDINGS_BASE_URL` (default OpenRouter), `EMBEDDINGS_MODEL` and a key from
 * `EMBEDDINGS_API_KEY`, else `OPENROUTER_API_KEY`.
 */
export function embeddingsConfig(vars: z.infer<typeof embeddingsEnvironment>): EmbeddingsConfig {
  if ((vars.EMBEDDINGS_PROVIDER ?? 'local') === 'local') {
    return { provider: 'local' };
  }
  const apiKey = vars.EMBEDDINGS_API_KEY ?? vars.OPENROUTER_API_KEY;
  if (apiKey === undefined) {
    throw new ConfigError([
      {
        variable: 'EMBEDDINGS_API_KEY',
        message: 'is required when EMBEDDINGS_PROVIDER=openai (or set OPENROUTER_API_KEY)',
      },
    ]);
  }
  return {
    provider: 'openai',
    baseUrl: vars.EMBEDDINGS_BASE_URL ?? DEFAULT_EMBEDDINGS_BASE_URL,
    model: vars.EMBEDDINGS_MODEL ?? DEFAULT_EMBEDDINGS_MODEL,
    apiKey,
    dimension: vars.EMBEDDINGS_DIMENSIONS,
    batchSize: vars.EMBEDDINGS_BATCH_SIZE ?? 64,
  };
}
