import { randomUUID } from 'node:crypto';

import type { Conversation, ConversationWithMessages } from '@deskpilot/contracts';

import { AbandonedAnswers } from '../../src/chat/abandoned-answers.service';
import { ConversationsRepository } from '../../src/conversations/conversations.repository';
import type { MessageEntity } from '../../src/conversations/entities/message.entity';
import { messageEntity } from '../support/message-entity';
import type { TestGateway, TestSession } from '../support/session';
import { startTestGateway } from '../support/session';

const MINUTE = 60_000;

describe('Answers interrupted by a stopped gateway', () => {
  let gateway: TestGateway;
  let staff: TestSession;

  beforeAll(async () => {
    gateway = await startTestGateway();
    staff = await gateway.signIn('staff');
  });

  afterAll(async () => {
    await gateway.stop();
  });

  function answer(conversationId: string, minutesAgo: number): MessageEntity {
    return messageEntity({
      conversationId,
      content: 'Half an ans',
      status: 'pending',
      interactionId: randomUUID(),
      createdAt: new Date(Date.now() - minutesAgo * MINUTE),
    });
  }

  it('should fail answers pending longer than any answer runs and leave running ones alone', async () => {
    const conversation = (await staff.agent.post('/api/conversations').send({}).expect(201))
      .body as Conversation;
    const abandoned = answer(conversation.id, 10);
    const running = answer(conversation.id, 1);
    await gateway.app.get(ConversationsRepository).insertMessages([abandoned, running]);

    await gateway.app.get(AbandonedAnswers).sweep();

    const { messages } = (
      await staff.agent.get(`/api/conversations/${conversation.id}`).expect(200)
    ).body as ConversationWithMessages;
    expect(messages.find((m) => m.id === abandoned.id)).toMatchObject({
      status: 'failed',
      content: 'Half an ans',
      failure: { reason: 'internal', retryable: true },
    });
    expect(messages.find((m) => m.id === running.id)).toMatchObject({
      status: 'pending',
      failure: null,
    });
  });
});
