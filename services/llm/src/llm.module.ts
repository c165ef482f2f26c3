import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import type { RuntimeModuleOptions } from '@deskpilot/runtime';
import { DatabaseModule, OpsController, RuntimeModule, databaseUrl } from '@deskpilot/runtime';

import type { LlmConfig } from './config/llm.config';
import { llmDatabase } from './database/llm-database';
import { LlmHealthController } from './health/llm-health.controller';

@Module({})
export class LlmModule {
  static forRoot(config: LlmConfig, runtime: RuntimeModuleOptions): DynamicModule {
    return {
      module: LlmModule,
      imports: [
        RuntimeModule.forRoot(runtime),
        DatabaseModule.forService({
          ...llmDatabase,
          url: databaseUrl(config.common),
          applicationName: `llm@${runtime.identity.instanceId}`,
          runMigrations: config.common.runMigrations,
        }),
      ],
      controllers: [LlmHealthController, OpsController],
    };
  }
}
