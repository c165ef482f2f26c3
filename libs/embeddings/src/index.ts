export * from './embedder';
export * from './local/local-embedder';
export * from './openai/openai-embedder';
export * from './config/embeddings-config';
export * from './create-embedder';
