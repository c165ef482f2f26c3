import { ConfigError, readEnvironment } from '@deskpilot/config';

import { embeddingsConfig, embeddingsEnvironment } from './embeddings-config';

const load = (env: Record<string, string>) =>
  embeddingsConfig(readEnvironment(embeddingsEnvironment, env));

describe(embeddingsConfig.name, () => {
  it('should choose the local embedder when nothing is set', () => {
    expect(load({})).toEqual({ provider: 'local' });
  });

  it('should default to OpenRouter and take its key when the provider is openai', () => {
    expect(load({ EMBEDDINGS_PROVIDER: 'openai', OPENROUTER_API_KEY: 'sk-or' })).toEqual({
      provider: 'openai',
      baseUrl: 'https://openrouter.ai/api/v1',
      model: 'openai/text-embedding-3-small',
      apiKey: 'sk-or',
      dimension: undefined,
      batchSize: 64,
    });
  });

  it('should name the missing key when the provider is openai without one', () => {
    expect(() => load({ EMBEDDINGS_PROVIDER: 'openai' })).toThrow(ConfigError);
    expect(() => load({ EMBEDDINGS_PROVIDER: 'openai' })).toThrow(/EMBEDDINGS_API_KEY/u);
  });

  it('should reject an unknown provider when one is set', () => {
    expect(() => load({ EMBEDDINGS_PROVIDER: 'magic' })).toThrow(/EMBEDDINGS_PROVIDER/u);
  });
});
