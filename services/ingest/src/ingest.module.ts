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

import type { IngestConfig } from './config/ingest.config';
import { ingestDatabase } from './database/ingest-database';
import { IngestHealthController } from './health/ingest-health.controller';

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
      controllers: [IngestHealthController, OpsController],
    };
  }
}
