import type { ChatMessage, Conversation } from '@deskpilot/contracts';

import type { FeedbackEntity } from '../feedback/entities/feedback.entity';
import type { ConversationEntity } from './entities/conversation.entity';
import type { MessageEntity } from './entities/message.entity';

export function toConversationView(conversation: ConversationEntity): Conversation {
  return {
    id: conversation.id,
    title: conversation.title,
    createdAt: conversation.createdAt.toISOString(),
    updatedAt: conversation.updatedAt.toISOString(),
  };
}

export function toMessageView(message: MessageEntity, feedback?: FeedbackEntity): ChatMessage {
  return {
    id: message.id,
    conversationId: message.conversationId,
    role: message.role,
    content: message.content,
    status: message.status,
    interactionId: message.interactionId,
    citations: message.citations,
    confidence: message.confidence,
    flags: message.flags,
    offline: message.offline,
    model: message.model,
    settingsVersion: message.settingsVersion,
    failure: message.failure,
    feedback:
      feedback === undefined
        ? null
        : {
            rating: feedback.rating,
            comment: feedback.comment,
            givenAt: feedback.givenAt.toISOString(),
          },
    createdAt: message.createdAt.toISOString(),
  };
}
