import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import type { RuntimeModuleOptions } from '@deskpilot/runtime';
import { DatabaseModule, OpsController, RuntimeModule, databaseUrl } from '@deskpilot/runtime';

import { ChunkIndexConsumer } from './chunks/chunk-index.consumer';
import { ChunkIndexService } from './chunks/chunk-index.service';
import { ChunkRepository } from './chunks/chunk.repository';
import { DocumentChunksController } from './chunks/document-chunks.controller';
import { RETRIEVAL_CONFIG } from './config/retrieval-config.token';
import type { RetrievalConfig } from './config/retrieval.config';
import { retrievalDatabase } from './database/retrieval-database';
import { embedderProvider } from './embedding/embedder.provider';
import { RetrievalHealthController } from './health/retrieval-health.controller';
import { LexicalIndexService } from './search/lexical-index.service';
import { SearchController } from './search/search.controller';
import { SearchRepository } from './search/search.repository';
import { SearchService } from './search/search.service';
import { VectorIndexService } from './vector-index/vector-index.service';

@Module({})
export class RetrievalModule {
  static forRoot(config: RetrievalConfig, runtime: RuntimeModuleOptions): DynamicModule {
    return {
      module: RetrievalModule,
      imports: [
        RuntimeModule.forRoot(runtime),
        DatabaseModule.forService({
          ...retrievalDatabase,
          url: databaseUrl(config.common),
          applicationName: `retrieval@${runtime.identity.instanceId}`,
          runMigrations: config.common.runMigrations,
        }),
      ],
      controllers: [
        RetrievalHealthController,
        OpsController,
        ChunkIndexConsumer,
        DocumentChunksController,
        SearchController,
      ],
      providers: [
        { provide: RETRIEVAL_CONFIG, useValue: config },
        embedderProvider(config.embeddings),
        ChunkRepository,
        SearchRepository,
        LexicalIndexService,
        VectorIndexService,
        ChunkIndexService,
        SearchService,
      ],
    };
  }
}
