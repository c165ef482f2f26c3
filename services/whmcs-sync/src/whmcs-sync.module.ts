import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import type { RuntimeModuleOptions } from '@deskpilot/runtime';
import {
  DatabaseModule,
  LOGGER,
  OpsController,
  RuntimeModule,
  databaseUrl,
} from '@deskpilot/runtime';

import { DraftStatsController } from './analytics/draft-stats.controller';
import { DraftStatsRepository } from './analytics/draft-stats.repository';
import type { WhmcsSyncConfig } from './config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from './config/whmcs-sync.config';
import { whmcsSyncDatabase } from './database/whmcs-sync-database';
import { DraftingDepartmentsController } from './departments/drafting-departments.controller';
import { DraftingDepartmentsRepository } from './departments/drafting-departments.repository';
import { DraftingDepartmentsService } from './departments/drafting-departments.service';
import { CustomerContextService } from './drafts/customer-context.service';
import { DraftEventsPublisher } from './drafts/draft-events.publisher';
import { DraftReconcilerService } from './drafts/draft-reconciler.service';
import { DraftRequesterService } from './drafts/draft-requester.service';
import { DraftResultsConsumer } from './drafts/draft-results.consumer';
import { DraftResultsService } from './drafts/draft-results.service';
import { DraftsController } from './drafts/drafts.controller';
import { DraftsRepository } from './drafts/drafts.repository';
import { DraftsService } from './drafts/drafts.service';
import { WhmcsSyncHealthController } from './health/whmcs-sync-health.controller';
import { TicketMirrorRepository } from './mirror/ticket-mirror.repository';
import { TicketMirrorService } from './mirror/ticket-mirror.service';
import { TicketRetentionService } from './mirror/ticket-retention.service';
import { ApproveDraftUseCase } from './replies/approve-draft.use-case';
import { DeliverReplyUseCase } from './replies/deliver-reply.use-case';
import { PostingIdentityService } from './replies/posting-identity.service';
import { RepliesController } from './replies/replies.controller';
import { ReplyOutboxService } from './replies/reply-outbox.service';
import { ReplySendingRepository } from './replies/reply-sending.repository';
import { SentRepliesService } from './replies/sent-replies.service';
import { TicketStatusesService } from './replies/ticket-statuses.service';
import { SyncAlertsRepository } from './sync/sync-alerts.repository';
import { SyncCycleUseCase } from './sync/sync-cycle.use-case';
import { SyncStateRepository } from './sync/sync-state.repository';
import { SyncStatusService } from './sync/sync-status.service';
import { SyncController } from './sync/sync.controller';
import { TicketPollerService } from './sync/ticket-poller.service';
import { WhmcsGuard } from './sync/whmcs-guard.service';
import { TicketNotesService } from './tickets/ticket-notes.service';
import { TicketQueriesRepository } from './tickets/ticket-queries.repository';
import { TicketQueriesService } from './tickets/ticket-queries.service';
import { TicketsController } from './tickets/tickets.controller';
import { WhmcsClient } from './whmcs/whmcs-client';
import { WhmcsTransport } from './whmcs/whmcs-transport';

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
      controllers: [
        WhmcsSyncHealthController,
        OpsController,
        TicketsController,
        DraftsController,
        DraftStatsController,
        DraftResultsConsumer,
        RepliesController,
        SyncController,
        DraftingDepartmentsController,
      ],
      providers: [
        { provide: WHMCS_SYNC_CONFIG, useValue: config },
        {
          provide: WhmcsClient,
          inject: [LOGGER],
          useFactory: (logger: Logger) =>
            new WhmcsClient(new WhmcsTransport(config.whmcs, logger), logger),
        },
        TicketMirrorRepository,
        TicketMirrorService,
        TicketRetentionService,
        DraftsRepository,
        DraftEventsPublisher,
        CustomerContextService,
        DraftRequesterService,
        DraftReconcilerService,
        DraftResultsService,
        DraftsService,
        DraftStatsRepository,
        ReplySendingRepository,
        PostingIdentityService,
        TicketStatusesService,
        TicketNotesService,
        DeliverReplyUseCase,
        ApproveDraftUseCase,
        ReplyOutboxService,
        SentRepliesService,
        SyncStateRepository,
        SyncAlertsRepository,
        WhmcsGuard,
        SyncCycleUseCase,
        TicketPollerService,
        SyncStatusService,
        TicketQueriesRepository,
        TicketQueriesService,
        DraftingDepartmentsRepository,
        DraftingDepartmentsService,
      ],
    };
  }
}
