import { Module } from '@nestjs/common';

import { ConversationsModule } from '../conversations/conversations.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { AbandonedAnswers } from './abandoned-answers.service';
import { ChatController } from './chat.controller';
import { ChatService } from './chat.service';

@Module({
  imports: [ConversationsModule, RateLimitModule],
  controllers: [ChatController],
  providers: [ChatService, AbandonedAnswers],
})
export class ChatModule {}
