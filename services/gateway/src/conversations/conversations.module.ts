import { Module } from '@nestjs/common';

import { ChatRetention } from './chat-retention.service';
import { ConversationsController } from './conversations.controller';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';

@Module({
  controllers: [ConversationsController],
  providers: [ConversationsRepository, ConversationsService, ChatRetention],
  exports: [ConversationsRepository, ConversationsService],
})
export class ConversationsModule {}
