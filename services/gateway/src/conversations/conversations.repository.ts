import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';

import { deleteOldestRows } from '@deskpilot/persistence';

import { FeedbackEntity } from '../feedback/entities/feedback.entity';
import { ConversationEntity } from './entities/conversation.entity';
import { MessageEntity } from './entities/message.entity';

export type AnswerChange = Pick<
  MessageEntity,
  | 'content'
  | 'status'
  | 'citations'
  | 'confidence'
  | 'flags'
  | 'offline'
  | 'model'
  | 'settingsVersion'
  | 'failure'
>;

/** A conversation ages from its last question, which updates it. */
const CONVERSATIONS = { schema: 'gateway', table: 'conversations', column: 'updated_at' };

@Injectable()
export class ConversationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(conversation: ConversationEntity): Promise<void> {
    await this.dataSource.manager.insert(ConversationEntity, conversation);
  }

  /** The conversation when it belongs to the user; null otherwise (others' ids look unknown). */
  findOwned(id: string, userId: string): Promise<ConversationEntity | null> {
    return this.dataSource.manager.findOne(ConversationEntity, { where: { id, userId } });
  }

  /** Newest activity first. */
  findPageOf(
    userId: string,
    offset: number,
    limit: number,
  ): Promise<[ConversationEntity[], number]> {
    return this.dataSource.manager.findAndCount(ConversationEntity, {
      where: { userId },
      order: { updatedAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
  }

  async update(
    id: string,
    change: Partial<Pick<ConversationEntity, 'title' | 'updatedAt'>>,
  ): Promise<void> {
    await this.dataSource.manager.update(ConversationEntity, { id }, change);
  }

  /** Deletes the conversation; its messages and their feedback go with it (cascade). */
  async delete(id: string, userId: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(ConversationEntity, { id, userId });
    return (result.affected ?? 0) > 0;
  }

  /** Oldest first. */
  messagesOf(conversationId: string): Promise<MessageEntity[]> {
    return this.dataSource
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .where('m.conversationId = :conversationId', { conversationId })
      .orderBy('m.seq', 'ASC')
      .getMany();
  }

  async insertMessages(messages: MessageEntity[]): Promise<void> {
    for (const message of messages) {
      await this.dataSource.manager.insert(MessageEntity, message);
    }
  }

  async updateAnswer(id: string, change: Partial<AnswerChange>): Promise<void> {
    await this.dataSource.manager.update(MessageEntity, { id }, change);
  }

  /** Marks answers still pending since before `startedBefore` as failed; returns how many. */
  async failPendingAnswers(
    startedBefore: Date,
    change: Pick<AnswerChange, 'failure'>,
  ): Promise<number> {
    const result = await this.dataSource.manager.update(
      MessageEntity,
      { role: 'assistant', status: 'pending', createdAt: LessThan(startedBefore) },
      { ...change, status: 'failed', confidence: 0 },
    );
    return result.affected ?? 0;
  }

  /**
   * Deletes up to `limit` of the conversations last asked in before `cutoff` (their messages and
   * feedback go with them); resolves how many went.
   */
  deleteInactiveBefore(cutoff: Date, limit: number): Promise<number> {
    return deleteOldestRows(this.dataSource, CONVERSATIONS, cutoff, limit);
  }

  findMessage(id: string): Promise<MessageEntity | null> {
    return this.dataSource.manager.findOne(MessageEntity, { where: { id } });
  }

  /** The assistant message with this id when it is in one of the user's conversations. */
  async findOwnedAnswer(id: string, userId: string): Promise<MessageEntity | null> {
    const message = await this.findMessage(id);
    if (message === null || message.role !== 'assistant') {
      return null;
    }
    const conversation = await this.findOwned(message.conversationId, userId);
    return conversation === null ? null : message;
  }

  feedbackOn(messageIds: string[], userId: string): Promise<FeedbackEntity[]> {
    return messageIds.length === 0
      ? Promise.resolve([])
      : this.dataSource.manager.find(FeedbackEntity, {
          where: { messageId: In(messageIds), userId },
        });
  }
}
