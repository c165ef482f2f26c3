import type { RunningService, ServiceContext, ServiceDefinition } from '@deskpilot/runtime';
import { startService } from '@deskpilot/runtime';

import type { IngestConfig } from './config/ingest.config';
import { loadIngestConfig } from './config/ingest.config';
import { IngestModule } from './ingest.module';

export { ingestDatabase } from './database/ingest-database';
export { htmlToBlocks } from './extraction/html-extractor';

export const ingestService: ServiceDefinition<IngestConfig> = {
  service: 'ingest',
  loadConfig: loadIngestConfig,
  module: (config, runtime) => IngestModule.forRoot(config, runtime),
  http: (config, { standalone }) =>
    standalone ? { port: config.port, host: '0.0.0.0' } : undefined,
};

/** Starts the ingest worker: extraction, chunking and embedding of uploaded documents. */
export function startIngest(context: ServiceContext): Promise<RunningService> {
  return startService(ingestService, context);
}
