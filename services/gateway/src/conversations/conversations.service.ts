import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

import type {
  Conversation,
  ConversationListQuery,
  ConversationPage,
  ConversationWithMessages,
} from '@deskpilot/contracts';

import type { AuthenticatedUser } from '../auth';
import { patched } from '../database/patched';
import { ConversationsErrorCode, ConversationsException } from './conversations.exception';
import { ConversationsRepository } from './conversations.repository';
import type { ConversationEntity } from './entities/conversation.entity';
import { toConversationView, toMessageView } from './message.view';

/** A user's own conversations; anyone else's look like they do not exist. */
@Injectable()
export class ConversationsService {
  constructor(private readonly conversations: ConversationsRepository) {}

  async create(user: AuthenticatedUser, title: string | undefined): Promise<Conversation> {
    const now = new Date();
    const conversation: ConversationEntity = {
      id: randomUUID(),
      userId: user.id,
      title: title ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await this.conversations.insert(conversation);
    return toConversationView(conversation);
  }

  async list(
    user: AuthenticatedUser,
    query: z.output<typeof ConversationListQuery>,
  ): Promise<ConversationPage> {
    const { page, pageSize } = query;
    const [items, total] = await this.conversations.findPageOf(
      user.id,
      (page - 1) * pageSize,
      pageSize,
    );
    return { items: items.map(toConversationView), page, pageSize, total };
  }

  async get(user: AuthenticatedUser, id: string): Promise<ConversationWithMessages> {
    const conversation = await this.owned(user, id);
    const messages = await this.conversations.messagesOf(id);
    const feedback = await this.conversations.feedbackOn(
      messages.filter((m) => m.role === 'assistant').map((m) => m.id),
      user.id,
    );
    const byMessage = new Map(feedback.map((entry) => [entry.messageId, entry]));
    return {
      ...toConversationView(conversation),
      messages: messages.map((message) => toMessageView(message, byMessage.get(message.id))),
    };
  }

  async rename(user: AuthenticatedUser, id: string, title: string): Promise<Conversation> {
    const conversation = await this.owned(user, id);
    const updatedAt = new Date();
    await this.conversations.update(id, { title, updatedAt });
    return toConversationView(patched(conversation, { title, updatedAt }));
  }

  async delete(user: AuthenticatedUser, id: string): Promise<void> {
    if (!(await this.conversations.delete(id, user.id))) {
      throw new ConversationsException(ConversationsErrorCode.NotFound);
    }
  }

  async owned(user: AuthenticatedUser, id: string): Promise<ConversationEntity> {
    const conversation = await this.conversations.findOwned(id, user.id);
    if (conversation === null) {
      throw new ConversationsException(ConversationsErrorCode.NotFound);
    }
    return conversation;
  }
}
