import type { EmbeddingsConfig } from './config/embeddings-config';
import type { Embedder } from './embedder';
import { LocalEmbedder } from './local/local-embedder';
import { OpenAiEmbedder } from './openai/openai-embedder';

const OPENAI_RETRIES = 4;
const OPENAI_TIMEOUT_MS = 60_000;

/**
 * The configured embedder. For `openai` without a configured dimension, the endpoint is asked
 * once, so the call fails when it is unreachable or misconfigured.
 */
export async function createEmbedder(config: EmbeddingsConfig): Promise<Embedder> {
  switch (config.provider) {
    case 'local':
      return new LocalEmbedder();
    case 'openai': {
      const base = {
        baseUrl: config.baseUrl,
        apiKey: config.apiKey,
        model: config.model,
        batchSize: config.batchSize,
        maxRetries: OPENAI_RETRIES,
        timeoutMs: OPENAI_TIMEOUT_MS,
        headers: { 'X-OpenRouter-Title': 'Deskpilot' },
      };
      const dimension = config.dimension ?? (await OpenAiEmbedder.probeDimension(base));
      return new OpenAiEmbedder({
        ...base,
        dimension,
        sendDimensions: config.dimension !== undefined,
      });
    }
  }
}
