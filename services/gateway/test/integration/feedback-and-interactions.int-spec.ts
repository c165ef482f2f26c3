import type {
  ChatExchange,
  Conversation,
  ConversationWithMessages,
  InteractionDetail,
  ListInteractionsResponse,
  MessageFeedback,
} from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import type { AnsweringStack } from '../support/answering-stack';
import { startAnsweringStack } from '../support/answering-stack';
import type { TestSession } from '../support/session';

describe('Feedback and the interaction log', () => {
  let stack: AnsweringStack;
  let staff: TestSession;
  let admin: TestSession;

  beforeAll(async () => {
    stack = await startAnsweringStack({ offline: true });
    staff = await stack.gateway.signIn('staff');
    admin = await stack.gateway.signIn(stack.gateway.admin);
  });

  afterAll(async () => {
    await stack.stop();
  });

  async function ask(question: string): Promise<ChatExchange> {
    const conversation = (await staff.agent.post('/api/conversations').send({}).expect(201))
      .body as Conversation;
    const response = await staff.agent
      .post(`/api/conversations/${conversation.id}/messages`)
      .send({ content: question })
      .expect(201);
    return response.body as ChatExchange;
  }

  async function logIds(query: string): Promise<string[]> {
    const response = await admin.agent.get(`/api/interactions?${query}`).expect(200);
    return (response.body as ListInteractionsResponse).items.map((item) => item.id);
  }

  it('should store feedback, let it change and be withdrawn, and filter the log by it', async () => {
    const { assistantMessage } = await ask('How do I restart Apache?');
    const interactionId = assistantMessage.interactionId!;
    expect(assistantMessage).toMatchObject({ status: 'complete', offline: true });
    const path = `/api/feedback/${assistantMessage.id}`;

    const given = await staff.agent
      .put(path)
      .send({ rating: 'down', comment: 'Wrong panel' })
      .expect(200);
    expect(given.body as MessageFeedback).toMatchObject({ rating: 'down', comment: 'Wrong panel' });
    await waitFor(async () => (await logIds('feedback=down')).includes(interactionId), {
      message: 'the down rating in the log',
    });
    expect(await logIds('feedback=up')).not.toContain(interactionId);

    await staff.agent.put(path).send({ rating: 'up' }).expect(200);
    await waitFor(async () => (await logIds('feedback=up')).includes(interactionId), {
      message: 'the changed rating in the log',
    });
    const conversation = await staff.agent
      .get(`/api/conversations/${assistantMessage.conversationId}`)
      .expect(200);
    expect((conversation.body as ConversationWithMessages).messages[1]!.feedback).toMatchObject({
      rating: 'up',
      comment: null,
    });

    await staff.agent.delete(path).expect(204);
    await waitFor(async () => (await logIds('feedback=none')).includes(interactionId), {
      message: 'the withdrawn rating in the log',
    });
    const after = await staff.agent
      .get(`/api/conversations/${assistantMessage.conversationId}`)
      .expect(200);
    expect((after.body as ConversationWithMessages).messages[1]!.feedback).toBeNull();
  });

  it('should refuse feedback on an answer of another user or on a question', async () => {
    const { userMessage, assistantMessage } = await ask('How do I forward mail?');
    const other = await stack.gateway.signIn('staff');

    await other.agent
      .put(`/api/feedback/${assistantMessage.id}`)
      .send({ rating: 'up' })
      .expect(404);
    await staff.agent.put(`/api/feedback/${userMessage.id}`).send({ rating: 'up' }).expect(404);
    await staff.agent
      .put(`/api/feedback/${assistantMessage.id}`)
      .send({ rating: 'sideways' })
      .expect(400);
  });

  it('should show admins the log filtered by user, outcome and model, with details', async () => {
    const { assistantMessage } = await ask('Where are the email forwarders?');
    const interactionId = assistantMessage.interactionId!;

    expect(await logIds(`userId=${staff.user.id}&outcome=ok`)).toContain(interactionId);
    expect(await logIds(`userId=${admin.user.id}`)).not.toContain(interactionId);
    expect(await logIds('outcome=failed')).not.toContain(interactionId);
    expect(await logIds(`model=${encodeURIComponent(assistantMessage.model!)}`)).toContain(
      interactionId,
    );
    const from = new Date(Date.now() - 60_000).toISOString();
    expect(await logIds(`from=${encodeURIComponent(from)}&limit=200`)).toContain(interactionId);
    const detail = await admin.agent.get(`/api/interactions/${interactionId}`).expect(200);
    expect(detail.body as InteractionDetail).toMatchObject({
      id: interactionId,
      kind: 'chat',
      userId: staff.user.id,
      question: 'Where are the email forwarders?',
      outcome: 'ok',
    });
    await admin.agent.get(`/api/interactions/${crypto.randomUUID()}`).expect(404);
    await staff.agent.get('/api/interactions').expect(403);
    await admin.agent.get('/api/interactions?outcome=great').expect(400);
  });
});
