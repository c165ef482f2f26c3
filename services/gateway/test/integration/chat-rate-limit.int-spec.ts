import type { Conversation } from '@deskpilot/contracts';

import type { AnsweringStack } from '../support/answering-stack';
import { startAnsweringStack } from '../support/answering-stack';
import type { TestSession } from '../support/session';

describe('Chat rate limit', () => {
  let stack: AnsweringStack;
  let staff: TestSession;
  let colleague: TestSession;

  beforeAll(async () => {
    stack = await startAnsweringStack({
      offline: true,
      gatewayEnv: { CHAT_MESSAGES_PER_MINUTE: '2' },
    });
    staff = await stack.gateway.signIn('staff');
    colleague = await stack.gateway.signIn('staff');
  });

  afterAll(async () => {
    await stack.stop();
  });

  async function newConversation(session: TestSession): Promise<Conversation> {
    const response = await session.agent.post('/api/conversations').send({}).expect(201);
    return response.body as Conversation;
  }

  it('should refuse questions past CHAT_MESSAGES_PER_MINUTE with 429 and Retry-After, per person', async () => {
    const first = await newConversation(staff);
    const second = await newConversation(staff);
    await staff.agent
      .post(`/api/conversations/${first.id}/messages`)
      .send({ content: 'How do I restart Apache?' })
      .expect(201);
    await staff.agent
      .post(`/api/conversations/${second.id}/messages`)
      .send({ content: 'And nginx?' })
      .expect(201);

    const refused = await staff.agent
      .post(`/api/conversations/${first.id}/messages`)
      .set('Accept', 'text/event-stream')
      .send({ content: 'One more?' })
      .expect(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      message: expect.stringMatching(/faster than Deskpilot allows/) as string,
    });

    const stored = await staff.agent.get(`/api/conversations/${first.id}`).expect(200);
    expect((stored.body as { messages: unknown[] }).messages).toHaveLength(2);

    const theirs = await newConversation(colleague);
    await colleague.agent
      .post(`/api/conversations/${theirs.id}/messages`)
      .send({ content: 'How do I restart Apache?' })
      .expect(201);
  });
});
