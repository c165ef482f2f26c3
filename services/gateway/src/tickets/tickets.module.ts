import { Module } from '@nestjs/common';

import { DraftEventsConsumer } from './draft-events.consumer';
import { DraftEventsHub } from './draft-events.hub';
import { DraftEventsStreamer } from './draft-events.streamer';
import { DraftsController } from './drafts.controller';
import { RepliesController } from './replies.controller';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';
import { WhmcsSyncController } from './whmcs-sync.controller';

@Module({
  controllers: [
    TicketsController,
    DraftsController,
    RepliesController,
    WhmcsSyncController,
    DraftEventsConsumer,
  ],
  providers: [TicketsService, DraftEventsHub, DraftEventsStreamer],
})
export class TicketsModule {}
