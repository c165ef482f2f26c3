import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import type { FeedbackRequest, MessageFeedback } from '@deskpilot/contracts';
import { InteractionsEvent } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';

import type { AuthenticatedUser } from '../auth';
import {
  ConversationsErrorCode,
  ConversationsException,
} from '../conversations/conversations.exception';
import { ConversationsRepository } from '../conversations/conversations.repository';
import type { MessageEntity } from '../conversations/entities/message.entity';
import type { FeedbackEntity } from './entities/feedback.entity';
import { FeedbackRepository } from './feedback.repository';

/**
 * Ratings of answers: stored here (what the console shows) and copied to the interaction log by
 * llm through `chat.feedback.recorded`, so the logs can be filtered by them.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly messages: ConversationsRepository,
    private readonly feedback: FeedbackRepository,
    private readonly bus: MessageBus,
  ) {}

  async give(
    user: AuthenticatedUser,
    messageId: string,
    request: z.output<typeof FeedbackRequest>,
  ): Promise<MessageFeedback> {
    const interactionId = await this.interactionOf(user, messageId);
    const entry: FeedbackEntity = {
      messageId,
      userId: user.id,
      interactionId,
      rating: request.rating,
      comment: request.comment === undefined || request.comment === '' ? null : request.comment,
      givenAt: new Date(),
    };
    await this.feedback.save(entry);
    await this.bus.publish(InteractionsEvent.FeedbackRecorded, {
      interactionId,
      userId: user.id,
      rating: entry.rating,
      ...(entry.comment === null ? {} : { comment: entry.comment }),
      givenAt: entry.givenAt.toISOString(),
    });
    return {
      rating: entry.rating,
      comment: entry.comment,
      givenAt: entry.givenAt.toISOString(),
    };
  }

  async withdraw(user: AuthenticatedUser, messageId: string): Promise<void> {
    const interactionId = await this.interactionOf(user, messageId);
    await this.feedback.delete(messageId, user.id);
    await this.bus.publish(InteractionsEvent.FeedbackRecorded, {
      interactionId,
      userId: user.id,
      rating: null,
      givenAt: new Date().toISOString(),
    });
  }

  private async interactionOf(user: AuthenticatedUser, messageId: string): Promise<string> {
    const answer: MessageEntity | null = await this.messages.findOwnedAnswer(messageId, user.id);
    const interactionId = answer?.interactionId ?? null;
    if (interactionId === null) {
      throw new ConversationsException(ConversationsErrorCode.MessageNotFound);
    }
    return interactionId;
  }
}
