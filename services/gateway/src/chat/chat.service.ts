import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import type {
  AnswerChunk,
  AnswerFailure,
  AnswerFinalChunk,
  ChatExchange,
  ChatMessageStatus,
  Citation,
  ConversationTurn,
} from '@deskpilot/contracts';
import { AnsweringEvent, AnsweringRpc } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import type { AuthenticatedUser } from '../auth';
import { GATEWAY_CONFIG } from '../config/gateway-config.module';
import type { GatewayConfig } from '../config/gateway.config';
import {
  ConversationsErrorCode,
  ConversationsException,
} from '../conversations/conversations.exception';
import type { AnswerChange } from '../conversations/conversations.repository';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { ConversationsService } from '../conversations/conversations.service';
import type { MessageEntity } from '../conversations/entities/message.entity';
import { toMessageView } from '../conversations/message.view';
import { patched } from '../database/patched';
import { RateLimiter } from '../rate-limit/rate-limiter.service';
import type { ChatEvent } from './chat-event';
import { failureMessageFor } from './failure-message';

/** Longer than llm's first-token timeout plus the search. */
export const ANSWER_TIMEOUT_MS = 120_000;
const MAX_HISTORY_TURNS = 200;
const TITLE_LENGTH = 80;

const STATUS_OF: Record<AnswerFinalChunk['outcome'], ChatMessageStatus> = {
  ok: 'complete',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** An answer being written. */
export interface ChatRun {
  /** Resolves once the answer is stored, however it ended; rejects only if it could not be stored. */
  readonly done: Promise<ChatExchange>;
  /** Asks llm to stop; the answer is then stored as cancelled. */
  cancel(): Promise<void>;
}

/** Sends a question to llm with the conversation's earlier turns and stores both sides. */
@Injectable()
export class ChatService {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly repository: ConversationsRepository,
    private readonly bus: MessageBus,
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Each person may ask `CHAT_MESSAGES_PER_MINUTE` questions a minute, in all conversations. */
  private async admit(user: AuthenticatedUser): Promise<void> {
    const decision = await this.limiter.consume(`chat:user:${user.id}`, {
      limit: this.config.chatMessagesPerMinute,
      windowMs: 60_000,
    });
    if (!decision.allowed) {
      throw new ConversationsException(
        ConversationsErrorCode.TooManyQuestions,
        decision.retryAfterSeconds,
      );
    }
  }

  async send(
    user: AuthenticatedUser,
    conversationId: string,
    content: string,
    onEvent: (event: ChatEvent) => void,
  ): Promise<ChatRun> {
    const conversation = await this.conversations.owned(user, conversationId);
    await this.admit(user);
    const history = historyOf(await this.repository.messagesOf(conversationId));
    const now = new Date();
    const question = message(conversationId, 'user', content, 'complete', null, now);
    const answer = message(conversationId, 'assistant', '', 'pending', randomUUID(), now);
    await this.repository.insertMessages([question, answer]);
    await this.repository.update(conversationId, {
      updatedAt: now,
      ...(conversation.title === null ? { title: titleFrom(content) } : {}),
    });
    const interactionId = answer.interactionId ?? '';
    let cancelled = false;
    const done = new Promise<ChatExchange>((resolve, reject) => {
      let text = '';
      let citations: Citation[] = [];
      let settled = false;
      const finish = async (change: Partial<AnswerChange>): Promise<void> => {
        settled = true;
        const stored = patched<MessageEntity>(answer, change);
        await this.repository.updateAnswer(answer.id, change);
        const exchange = {
          userMessage: toMessageView(question),
          assistantMessage: toMessageView(stored),
        };
        onEvent({ event: 'final', data: exchange });
        if (stored.failure !== null) {
          onEvent({
            event: 'error',
            data: {
              reason: stored.failure.reason,
              message: failureMessageFor(stored.failure),
              retryable: stored.failure.retryable,
              ...(stored.failure.retryAfterSeconds === undefined
                ? {}
                : { retryAfterSeconds: stored.failure.retryAfterSeconds }),
              assistantMessageId: answer.id,
            },
          });
        }
        resolve(exchange);
      };
      const fail = (error: unknown): void => {
        this.logger.error({ err: error, interactionId }, 'Answer stream failed');
        const failure: AnswerFailure = {
          reason: 'internal',
          message: error instanceof Error ? error.message : String(error),
          retryable: true,
        };
        void finish({ content: text, status: 'failed', failure, confidence: 0 }).catch(
          (storeError: unknown) => {
            this.logger.error({ err: storeError, interactionId }, 'Answer not stored');
            reject(storeError instanceof Error ? storeError : new Error(String(storeError)));
          },
        );
      };
      this.bus
        .stream(
          AnsweringRpc.Answer,
          {
            interactionId,
            question: content,
            history,
            user: { id: user.id, name: user.name },
            conversationId,
            purpose: 'chat',
            inspect: false,
          },
          { timeoutMs: ANSWER_TIMEOUT_MS },
        )
        .subscribe({
          next: (chunk: AnswerChunk) => {
            switch (chunk.type) {
              case 'started':
                onEvent({
                  event: 'started',
                  data: {
                    conversationId,
                    userMessageId: question.id,
                    assistantMessageId: answer.id,
                    interactionId,
                    model: chunk.model,
                    offline: chunk.offline,
                    settingsVersion: chunk.settingsVersion,
                    ...(chunk.searchCorrections === undefined
                      ? {}
                      : { searchCorrections: chunk.searchCorrections }),
                  },
                });
                break;
              case 'token':
                text += chunk.text;
                onEvent({ event: 'token', data: { text: chunk.text } });
                break;
              case 'citations':
                citations = chunk.citations;
                onEvent({ event: 'citations', data: { citations } });
                break;
              case 'final':
                void finish({ ...answerOf(chunk), citations }).catch(fail);
                break;
            }
          },
          error: fail,
          complete: () => {
            if (!settled) {
              fail(new Error('The answer ended without a final record'));
            }
          },
        });
    });
    return {
      done,
      cancel: async () => {
        if (!cancelled) {
          cancelled = true;
          await this.bus.publish(AnsweringEvent.AnswerCancelled, { interactionId });
        }
      },
    };
  }

  /** Stops an answer being written (the stop button); the answer is stored as cancelled. */
  async stop(user: AuthenticatedUser, conversationId: string, messageId: string): Promise<void> {
    await this.conversations.owned(user, conversationId);
    const answer = await this.repository.findOwnedAnswer(messageId, user.id);
    if (answer?.conversationId !== conversationId) {
      throw new ConversationsException(ConversationsErrorCode.MessageNotFound);
    }
    if (answer.status !== 'pending' || answer.interactionId === null) {
      throw new ConversationsException(ConversationsErrorCode.NotAnswering);
    }
    await this.bus.publish(AnsweringEvent.AnswerCancelled, { interactionId: answer.interactionId });
  }
}

function answerOf(final: AnswerFinalChunk): Partial<AnswerChange> {
  return {
    content: final.text,
    status: STATUS_OF[final.outcome],
    confidence: final.confidence,
    flags: final.flags,
    offline: final.offline,
    model: final.model,
    settingsVersion: final.settingsVersion,
    failure: final.failure ?? null,
  };
}

/** Earlier turns that completed: failed or cancelled answers are not context. */
function historyOf(messages: MessageEntity[]): ConversationTurn[] {
  return messages
    .filter((m) => m.status === 'complete' && m.content.length > 0)
    .map((m) => ({ role: m.role, content: m.content }))
    .slice(-MAX_HISTORY_TURNS);
}

function titleFrom(content: string): string {
  const line = content.replace(/\s+/g, ' ').trim();
  return line.length <= TITLE_LENGTH ? line : `${line.slice(0, TITLE_LENGTH - 1)}…`;
}

function message(
  conversationId: string,
  role: 'user' | 'assistant',
  content: string,
  status: ChatMessageStatus,
  interactionId: string | null,
  createdAt: Date,
): MessageEntity {
  return {
    id: randomUUID(),
    conversationId,
    role,
    content,
    status,
    interactionId,
    citations: [],
    confidence: null,
    flags: null,
    offline: null,
    model: null,
    settingsVersion: null,
    failure: null,
    createdAt,
  };
}
