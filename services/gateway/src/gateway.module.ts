import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import type { RuntimeModuleOptions } from '@deskpilot/runtime';
import { DatabaseModule, RuntimeModule, StorageModule, databaseUrl } from '@deskpilot/runtime';

import type { GatewayConfig } from './config/gateway.config';
import { gatewayDatabase } from './database/gateway-database';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { SystemHealthService } from './health/system-health.service';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, runtime: RuntimeModuleOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        RuntimeModule.forRoot(runtime),
        DatabaseModule.forService({
          ...gatewayDatabase,
          url: databaseUrl(config.common),
          applicationName: `gateway@${runtime.identity.instanceId}`,
          runMigrations: config.common.runMigrations,
        }),
        StorageModule.forService(config.s3, true),
      ],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }, SystemHealthService],
    };
  }
}
