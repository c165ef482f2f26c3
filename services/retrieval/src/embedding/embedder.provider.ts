import type { Provider } from '@nestjs/common';

import type { Embedder, EmbeddingsConfig } from '@deskpilot/embeddings';
import { createEmbedder } from '@deskpilot/embeddings';

/** Injection token of the configured `Embedder`. */
export const EMBEDDER = Symbol('EMBEDDER');

export function embedderProvider(config: EmbeddingsConfig): Provider<Promise<Embedder>> {
  return { provide: EMBEDDER, useFactory: () => createEmbedder(config) };
}
