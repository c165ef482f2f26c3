import type { Conversation } from '@deskpilot/contracts';

import { ChatRetention } from '../../src/conversations/chat-retention.service';
import { ConversationsRepository } from '../../src/conversations/conversations.repository';
import { messageEntity } from '../support/message-entity';
import type { TestGateway, TestSession } from '../support/session';
import { startTestGateway } from '../support/session';

const DAY = 24 * 60 * 60 * 1000;

describe('Chat retention', () => {
  let gateway: TestGateway;
  let staff: TestSession;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { CHAT_RETENTION_DAYS: '30' } });
    staff = await gateway.signIn('staff');
  });

  afterAll(async () => {
    await gateway.stop();
  });

  async function conversation(): Promise<Conversation> {
    return (await staff.agent.post('/api/conversations').send({}).expect(201)).body as Conversation;
  }

  it('should delete the conversations last asked in before the period, with their messages', async () => {
    const repository = gateway.app.get(ConversationsRepository);
    const aged = await conversation();
    const fresh = await conversation();
    const message = messageEntity({
      conversationId: aged.id,
      role: 'user',
      content: 'How do I restart Apache?',
      createdAt: new Date(Date.now() - 31 * DAY),
    });
    await repository.insertMessages([message]);
    await repository.update(aged.id, { updatedAt: new Date(Date.now() - 31 * DAY) });

    expect(await gateway.app.get(ChatRetention).prune()).toBe(1);

    await staff.agent.get(`/api/conversations/${aged.id}`).expect(404);
    await staff.agent.get(`/api/conversations/${fresh.id}`).expect(200);
    expect(await repository.findMessage(message.id)).toBeNull();
    expect(await gateway.app.get(ChatRetention).prune()).toBe(0);
  });
});
