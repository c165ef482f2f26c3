import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import type { RuntimeModuleOptions } from '@deskpilot/runtime';
import { DatabaseModule, OpsController, RuntimeModule, databaseUrl } from '@deskpilot/runtime';

import type { RetrievalConfig } from './config/retrieval.config';
import { retrievalDatabase } from './database/retrieval-database';
import { RetrievalHealthController } from './health/retrieval-health.controller';

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
      controllers: [RetrievalHealthController, OpsController],
    };
  }
}
