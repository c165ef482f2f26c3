import { Module } from '@nestjs/common';

import { ConversationsModule } from '../conversations/conversations.module';
import { AbandonedAnswers } from './abandoned-answers.service';
import { ChatController } from './chat.controller';
import { ChatService } from './chat.service';

@Module({
  imports: [ConversationsModule],
  controllers: [ChatController],
  providers: [ChatService, AbandonedAnswers],
})
export class ChatModule {}
