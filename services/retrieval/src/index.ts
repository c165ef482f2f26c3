import type { RunningService, ServiceContext, ServiceDefinition } from '@deskpilot/runtime';
import { startService } from '@deskpilot/runtime';

import type { RetrievalConfig } from './config/retrieval.config';
import { loadRetrievalConfig } from './config/retrieval.config';
import { RetrievalModule } from './retrieval.module';

export { retrievalDatabase } from './database/retrieval-database';
export { VectorIndexService } from './vector-index/vector-index.service';
export { LexicalIndexService } from './search/lexical-index.service';
export { SearchService } from './search/search.service';
export { inverseDocumentFrequency } from './search/lexical-query';
export { VectorIndex } from './vector-index/vector-index';

export const retrievalService: ServiceDefinition<RetrievalConfig> = {
  service: 'retrieval',
  loadConfig: loadRetrievalConfig,
  module: (config, runtime) => RetrievalModule.forRoot(config, runtime),
  http: (config, { standalone }) =>
    standalone ? { port: config.port, host: '0.0.0.0' } : undefined,
};

/** Starts the retrieval worker: the HNSW index and hybrid search. */
export function startRetrieval(context: ServiceContext): Promise<RunningService> {
  return startService(retrievalService, context);
}
