import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import type { RuntimeModuleOptions } from '@deskpilot/runtime';
import { DatabaseModule, RuntimeModule, StorageModule, databaseUrl } from '@deskpilot/runtime';

import { AnalyticsModule } from './analytics/analytics.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ChatModule } from './chat/chat.module';
import { GatewayConfigModule } from './config/gateway-config.module';
import type { GatewayConfig } from './config/gateway.config';
import { ConversationsModule } from './conversations/conversations.module';
import { gatewayDatabase } from './database/gateway-database';
import { DocumentsModule } from './documents/documents.module';
import { FeedbackModule } from './feedback/feedback.module';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { SystemHealthService } from './health/system-health.service';
import { InteractionsModule } from './interactions/interactions.module';
import { OperationsModule } from './operations/operations.module';
import { PlaygroundModule } from './playground/playground.module';
import { SearchModule } from './search/search.module';
import { BotSettingsModule } from './settings/bot-settings.module';
import { TicketsModule } from './tickets/tickets.module';
import { UsersModule } from './users/users.module';

export { GATEWAY_CONFIG } from './config/gateway-config.module';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, runtime: RuntimeModuleOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        RuntimeModule.forRoot(runtime),
        GatewayConfigModule.forRoot(config),
        DatabaseModule.forService({
          ...gatewayDatabase,
          url: databaseUrl(config.common),
          applicationName: `gateway@${runtime.identity.instanceId}`,
          runMigrations: config.common.runMigrations,
        }),
        StorageModule.forService(config.s3, true),
        AuditModule,
        AuthModule,
        UsersModule,
        OperationsModule,
        ConversationsModule,
        ChatModule,
        FeedbackModule,
        InteractionsModule,
        AnalyticsModule,
        BotSettingsModule,
        PlaygroundModule,
        SearchModule,
        DocumentsModule,
        TicketsModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [SystemHealthService],
    };
  }
}
