import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import type { RuntimeModuleOptions } from '@deskpilot/runtime';
import {
  DatabaseModule,
  OpsController,
  RuntimeModule,
  StorageModule,
  databaseUrl,
} from '@deskpilot/runtime';

import { INGEST_CONFIG } from './config/ingest-config.token';
import type { IngestConfig } from './config/ingest.config';
import { ingestDatabase } from './database/ingest-database';
import { DocumentQueriesService } from './documents/document-queries.service';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsRepository } from './documents/documents.repository';
import { DocumentsService } from './documents/documents.service';
import { embedderProvider } from './embedding/embedder.provider';
import { DocumentExtractor } from './extraction/document-extractor';
import { IngestHealthController } from './health/ingest-health.controller';
import { MarkIndexedUseCase } from './processing/mark-indexed.use-case';
import { ProcessDocumentUseCase } from './processing/process-document.use-case';
import { ProcessingConsumer } from './processing/processing.consumer';
import { ProgressReporter } from './processing/progress.reporter';
import { RecoveryService } from './processing/recovery.service';

@Module({})
export class IngestModule {
  static forRoot(config: IngestConfig, runtime: RuntimeModuleOptions): DynamicModule {
    return {
      module: IngestModule,
      imports: [
        RuntimeModule.forRoot(runtime),
        DatabaseModule.forService({
          ...ingestDatabase,
          url: databaseUrl(config.common),
          applicationName: `ingest@${runtime.identity.instanceId}`,
          runMigrations: config.common.runMigrations,
        }),
        StorageModule.forService(config.s3, false),
      ],
      controllers: [IngestHealthController, OpsController, DocumentsController, ProcessingConsumer],
      providers: [
        { provide: INGEST_CONFIG, useValue: config },
        embedderProvider(config.embeddings),
        DocumentsRepository,
        DocumentsService,
        DocumentQueriesService,
        DocumentExtractor,
        ProgressReporter,
        ProcessDocumentUseCase,
        MarkIndexedUseCase,
        RecoveryService,
      ],
    };
  }
}
