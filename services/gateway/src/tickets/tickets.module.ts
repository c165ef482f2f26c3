import { Module } from '@nestjs/common';

import { DocumentsModule } from '../documents/documents.module';
import { DraftEventsConsumer } from './draft-events.consumer';
import { DraftEventsHub } from './draft-events.hub';
import { DraftEventsStreamer } from './draft-events.streamer';
import { DraftsController } from './drafts.controller';
import { RepliesController } from './replies.controller';
import { ReplyKnowledgeService } from './reply-knowledge.service';
import { SentReplyAuditService } from './sent-reply-audit.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';
import { WhmcsDepartmentsController } from './whmcs-departments.controller';
import { WhmcsSyncController } from './whmcs-sync.controller';

@Module({
  imports: [DocumentsModule],
  controllers: [
    TicketsController,
    DraftsController,
    RepliesController,
    WhmcsSyncController,
    WhmcsDepartmentsController,
    DraftEventsConsumer,
  ],
  providers: [
    TicketsService,
    ReplyKnowledgeService,
    SentReplyAuditService,
    DraftEventsHub,
    DraftEventsStreamer,
  ],
})
export class TicketsModule {}
