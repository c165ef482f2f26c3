import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import type { RuntimeModuleOptions } from '@deskpilot/runtime';
import { DatabaseModule, OpsController, RuntimeModule, databaseUrl } from '@deskpilot/runtime';

import type { WhmcsSyncConfig } from './config/whmcs-sync.config';
import { whmcsSyncDatabase } from './database/whmcs-sync-database';
import { WhmcsSyncHealthController } from './health/whmcs-sync-health.controller';

@Module({})
export class WhmcsSyncModule {
  static forRoot(config: WhmcsSyncConfig, runtime: RuntimeModuleOptions): DynamicModule {
    return {
      module: WhmcsSyncModule,
      imports: [
        RuntimeModule.forRoot(runtime),
        DatabaseModule.forService({
          ...whmcsSyncDatabase,
          url: databaseUrl(config.common),
          applicationName: `whmcs-sync@${runtime.identity.instanceId}`,
          runMigrations: config.common.runMigrations,
        }),
      ],
      controllers: [WhmcsSyncHealthController, OpsController],
    };
  }
}
