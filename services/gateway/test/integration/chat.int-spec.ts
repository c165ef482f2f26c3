import type {
  ChatErrorEvent,
  ChatExchange,
  ChatStartedEvent,
  Conversation,
  ConversationPage,
  ConversationWithMessages,
} from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import type { AnsweringStack } from '../support/answering-stack';
import {
  KB_DOCUMENT_ID,
  KB_MISSPELLING,
  parseSse,
  startAnsweringStack,
} from '../support/answering-stack';
import type { TestSession } from '../support/session';

const QUESTION = 'How do I restart Apache?';

describe('Chat', () => {
  let stack: AnsweringStack;
  let staff: TestSession;

  beforeAll(async () => {
    stack = await startAnsweringStack();
    staff = await stack.gateway.signIn('staff');
  });

  afterAll(async () => {
    await stack.stop();
  });

  beforeEach(() => {
    stack.simulator.control.reset();
  });

  async function newConversation(session: TestSession = staff): Promise<Conversation> {
    const response = await session.agent.post('/api/conversations').send({}).expect(201);
    return response.body as Conversation;
  }

  it('should stream tokens, citations with titles and chunk text, then the stored answer', async () => {
    const conversation = await newConversation();
    // Tokens that reach llm in one read travel as one chunk; spaced out, they stream one by one.
    stack.simulator.control.addFault({ kind: 'slow', tokenDelayMs: 20 });

    const response = await staff.agent
      .post(`/api/conversations/${conversation.id}/messages`)
      .set('Accept', 'text/event-stream')
      .send({ content: QUESTION })
      .expect(200)
      .expect('Content-Type', /text\/event-stream/);

    const events = parseSse(response.text);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('started');
    expect(names.filter((n) => n === 'token').length).toBeGreaterThan(1);
    expect(names.slice(-2)).toEqual(['citations', 'final']);
    expect(names.indexOf('citations')).toBeGreaterThan(names.lastIndexOf('token'));
    const tokens = events
      .filter((e) => e.event === 'token')
      .map((e) => (e.data as { text: string }).text)
      .join('');
    const citations = (events.at(-2)!.data as { citations: { documentTitle: string }[] }).citations;
    expect(citations[0]).toMatchObject({
      documentId: KB_DOCUMENT_ID,
      documentTitle: 'Hosting handbook',
      excerpt: expect.stringContaining('restart Apache') as string,
    });
    const final = events.at(-1)!.data as ChatExchange;
    expect(final.userMessage).toMatchObject({
      role: 'user',
      content: QUESTION,
      status: 'complete',
    });
    expect(final.assistantMessage).toMatchObject({
      role: 'assistant',
      status: 'complete',
      content: tokens,
      offline: false,
      failure: null,
      interactionId: (events[0]!.data as ChatStartedEvent).interactionId,
    });
    expect(final.assistantMessage.confidence).toBeGreaterThan(0);

    const stored = await staff.agent.get(`/api/conversations/${conversation.id}`).expect(200);
    const body = stored.body as ConversationWithMessages;
    expect(body.title).toBe(QUESTION);
    expect(body.messages.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(body.messages[1]).toEqual(final.assistantMessage);
    expect(body.messages[1]!.citations).toEqual(citations);
    expect(stack.searches).toContainEqual(expect.objectContaining({ query: QUESTION }));
  });

  it('should say how the search read a misspelt word before the answer, and keep it', async () => {
    const conversation = await newConversation();

    const response = await staff.agent
      .post(`/api/conversations/${conversation.id}/messages`)
      .set('Accept', 'text/event-stream')
      .send({ content: `How do I ${KB_MISSPELLING.typed} Apache?` })
      .expect(200);

    const events = parseSse(response.text);
    expect(events[0]).toMatchObject({
      event: 'started',
      data: { searchCorrections: [KB_MISSPELLING] },
    });
    const final = events.at(-1)!.data as ChatExchange;
    expect(final.assistantMessage.flags?.searchCorrections).toEqual([KB_MISSPELLING]);
  });

  it('should answer with the stored exchange as JSON and send earlier turns as history', async () => {
    const conversation = await newConversation();
    await staff.agent
      .post(`/api/conversations/${conversation.id}/messages`)
      .send({ content: QUESTION })
      .expect(201);
    stack.simulator.control.reset();

    const response = await staff.agent
      .post(`/api/conversations/${conversation.id}/messages`)
      .send({ content: 'And how do I forward mail?' })
      .expect(201);

    const exchange = response.body as ChatExchange;
    expect(exchange.assistantMessage.status).toBe('complete');
    // First the follow-up is rewritten for the search, with the turn before; then answered.
    const [rewriting, answering] = stack.simulator.control
      .chatRequests()
      .map((request) => request.body as { messages: { role: string; content: string }[] });
    expect(rewriting!.messages[1]!.content).toContain(`Asked: ${QUESTION}`);
    expect(answering!.messages.some((m) => m.role === 'user' && m.content.includes(QUESTION))).toBe(
      true,
    );
    expect(answering!.messages.some((m) => m.role === 'assistant')).toBe(true);
  });

  it('should store a mid-stream model error as failed and end the stream with an error event', async () => {
    const conversation = await newConversation();
    stack.simulator.control.addFault({ kind: 'midstream-error', afterTokens: 3 });

    const response = await staff.agent
      .post(`/api/conversations/${conversation.id}/messages`)
      .set('Accept', 'text/event-stream')
      .send({ content: QUESTION })
      .expect(200);

    const events = parseSse(response.text);
    const streamed = events
      .filter((e) => e.event === 'token')
      .map((e) => (e.data as { text: string }).text)
      .join('');
    expect(streamed.length).toBeGreaterThan(0);
    expect(events.slice(-2).map((e) => e.event)).toEqual(['final', 'error']);
    const error = events.at(-1)!.data as ChatErrorEvent;
    expect(error.reason).toBe('midstream_error');
    expect(error.message.length).toBeGreaterThan(0);
    const stored = await staff.agent.get(`/api/conversations/${conversation.id}`).expect(200);
    const answer = (stored.body as ConversationWithMessages).messages[1]!;
    expect(answer).toMatchObject({
      id: error.assistantMessageId,
      status: 'failed',
      failure: { reason: 'midstream_error' },
    });
    expect(answer.content).toBe(streamed);
  });

  it('should stop the answer when the client leaves the stream, and store it as cancelled', async () => {
    const conversation = await newConversation();
    stack.simulator.control.addFault({ kind: 'slow', tokenDelayMs: 300 });
    const leave = new AbortController();
    const response = await fetch(
      `${stack.gateway.url}/api/conversations/${conversation.id}/messages`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${staff.accessToken}`,
          'Content-Type': 'application/json',
          Accept: 'text/event-stream',
        },
        body: JSON.stringify({ content: QUESTION }),
        signal: leave.signal,
      },
    );
    const reader = response.body!.getReader();
    let received = '';
    while (!received.includes('event: token')) {
      const chunk = (await reader.read()) as { value?: Uint8Array };
      received += new TextDecoder().decode(chunk.value);
    }

    leave.abort();

    const answer = await waitFor(
      async () => {
        const stored = await staff.agent.get(`/api/conversations/${conversation.id}`).expect(200);
        const message = (stored.body as ConversationWithMessages).messages[1]!;
        return message.status !== 'pending' && message;
      },
      { message: 'the answer to end' },
    );
    expect(answer.status).toBe('cancelled');
    expect(answer.failure).toBeNull();
  });

  it('should stop an answer from the stop route', async () => {
    const conversation = await newConversation();
    stack.simulator.control.addFault({ kind: 'slow', tokenDelayMs: 300 });
    const asked = staff.agent
      .post(`/api/conversations/${conversation.id}/messages`)
      .send({ content: QUESTION })
      .then((response) => response);
    const pending = await waitFor(async () => {
      const stored = await staff.agent.get(`/api/conversations/${conversation.id}`).expect(200);
      return (stored.body as ConversationWithMessages).messages[1];
    });

    await staff.agent
      .post(`/api/conversations/${conversation.id}/messages/${pending.id}/cancel`)
      .expect(204);

    const response = await asked;
    expect(response.status).toBe(201);
    expect((response.body as ChatExchange).assistantMessage).toMatchObject({
      id: pending.id,
      status: 'cancelled',
    });
    await staff.agent
      .post(`/api/conversations/${conversation.id}/messages/${pending.id}/cancel`)
      .expect(409);
  });

  it('should keep conversations private: another user gets 404 for every route', async () => {
    const conversation = await newConversation();
    const other = await stack.gateway.signIn('staff');
    const path = `/api/conversations/${conversation.id}`;

    await other.agent.get(path).expect(404);
    await other.agent.patch(path).send({ title: 'Mine now' }).expect(404);
    await other.agent.delete(path).expect(404);
    await other.agent.post(`${path}/messages`).send({ content: QUESTION }).expect(404);
    const list = await other.agent.get('/api/conversations').expect(200);
    expect((list.body as ConversationPage).items.map((c) => c.id)).not.toContain(conversation.id);
    await staff.agent.get(path).expect(200);
  });

  it('should list own conversations newest first, rename and delete them with their messages', async () => {
    const user = await stack.gateway.signIn('admin');
    const first = await newConversation(user);
    const second = await newConversation(user);
    await user.agent
      .post(`/api/conversations/${first.id}/messages`)
      .send({ content: QUESTION })
      .expect(201);
    await user.agent
      .patch(`/api/conversations/${second.id}`)
      .send({ title: 'Renamed' })
      .expect(200);

    const page = (await user.agent.get('/api/conversations?pageSize=1').expect(200))
      .body as ConversationPage;
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.items[0]).toMatchObject({ id: second.id, title: 'Renamed' });

    await user.agent.delete(`/api/conversations/${first.id}`).expect(204);
    await user.agent.get(`/api/conversations/${first.id}`).expect(404);
    const rest = (await user.agent.get('/api/conversations').expect(200)).body as ConversationPage;
    expect(rest.items.map((c) => c.id)).toEqual([second.id]);
  });

  it('should refuse an empty question', async () => {
    const conversation = await newConversation();

    await staff.agent
      .post(`/api/conversations/${conversation.id}/messages`)
      .send({ content: '   ' })
      .expect(400);
  });
});
