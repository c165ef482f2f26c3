import { throwError } from 'rxjs';

import type {
  AuditPage,
  BotSettingsDiff,
  BotSettingsHistory,
  BotSettingsVersion,
  ChatExchange,
  Conversation,
  UpdateBotSettingsRequest,
} from '@deskpilot/contracts';
import { AnsweringEvent, AnsweringRpc } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import { waitFor } from '@deskpilot/testing';

import { BotSettingsService } from '../../src/settings/bot-settings.service';
import type { AnsweringStack } from '../support/answering-stack';
import { startAnsweringStack } from '../support/answering-stack';
import type { TestSession } from '../support/session';

const FIRST: UpdateBotSettingsRequest = {
  model: 'anthropic/claude-3.5-haiku',
  fallbackModels: ['openai/gpt-4o-mini'],
  temperature: 0.3,
  maxTokens: 600,
  systemPrompt: 'Answer hosting questions briefly.',
  passages: 5,
  denseWeight: 0.6,
  translateQuestions: false,
  rewriteFollowUps: false,
};

describe('Bot settings', () => {
  let stack: AnsweringStack;
  let admin: TestSession;
  let bus: MessageBus;

  beforeAll(async () => {
    stack = await startAnsweringStack({ offline: true });
    admin = await stack.gateway.signIn(stack.gateway.admin);
    bus = new MessageBus(stack.gateway.broker, { service: 'test', defaultTimeoutMs: 5_000 });
  });

  afterAll(async () => {
    await stack.stop();
  });

  async function llmUses(version: number): Promise<void> {
    await waitFor(
      async () => (await bus.request(AnsweringRpc.CurrentSettings, {})).version === version,
      { message: `llm using settings version ${version}` },
    );
  }

  it('should version, diff, roll back, audit and publish every change to llm', async () => {
    const defaults = (await admin.agent.get('/api/settings/bot').expect(200))
      .body as BotSettingsVersion;
    expect(defaults).toMatchObject({ version: 0, author: null, createdAt: null });
    expect(defaults.settings.model).toBe('openai/gpt-4o-mini');

    const first = (
      await admin.agent
        .put('/api/settings/bot')
        .send({ ...FIRST, note: '  Shorter answers for the launch  ' })
        .expect(200)
    ).body as BotSettingsVersion;
    expect(first).toMatchObject({
      version: 1,
      settings: FIRST,
      author: { id: admin.user.id, email: admin.user.email },
      restoredFrom: null,
      note: 'Shorter answers for the launch',
    });
    await llmUses(1);
    expect((await bus.request(AnsweringRpc.CurrentSettings, {})).settings).toEqual(FIRST);

    await admin.agent
      .put('/api/settings/bot')
      // Without the switches (left out of the JSON): on, as for clients that predate them.
      .send({
        ...FIRST,
        temperature: 0.9,
        passages: 8,
        translateQuestions: undefined,
        rewriteFollowUps: undefined,
        note: '',
      })
      .expect(200);
    await llmUses(2);
    const current = (await admin.agent.get('/api/settings/bot').expect(200))
      .body as BotSettingsVersion;
    expect(current).toMatchObject({ version: 2, note: null });

    const diff = (await admin.agent.get('/api/settings/bot/diff?from=1&to=2').expect(200))
      .body as BotSettingsDiff;
    expect(diff).toEqual({
      from: 1,
      to: 2,
      changes: [
        { field: 'temperature', from: 0.3, to: 0.9 },
        { field: 'passages', from: 5, to: 8 },
        { field: 'translateQuestions', from: false, to: true },
        { field: 'rewriteFollowUps', from: false, to: true },
      ],
    });

    const rolledBack = (
      await admin.agent
        .post('/api/settings/bot/rollback')
        .send({ version: 1, note: 'Too chatty' })
        .expect(201)
    ).body as BotSettingsVersion;
    expect(rolledBack).toMatchObject({
      version: 3,
      settings: FIRST,
      restoredFrom: 1,
      note: 'Too chatty',
    });
    await llmUses(3);

    const history = (await admin.agent.get('/api/settings/bot/versions').expect(200))
      .body as BotSettingsHistory;
    expect(history.items.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(history.total).toBe(3);
    const one = (await admin.agent.get('/api/settings/bot/versions/1').expect(200))
      .body as BotSettingsVersion;
    expect(one.settings).toEqual(FIRST);

    const audit = (await admin.agent.get('/api/audit?action=settings.bot.*').expect(200))
      .body as AuditPage;
    expect(audit.items.map((entry) => [entry.action, entry.targetId])).toEqual([
      ['settings.bot.rolled_back', '3'],
      ['settings.bot.updated', '2'],
      ['settings.bot.updated', '1'],
    ]);
    expect(audit.items[0]).toMatchObject({
      actorId: admin.user.id,
      details: { restoredFrom: 1, previousVersion: 2, note: 'Too chatty' },
    });
  });

  it('should publish the current version again when the gateway starts', async () => {
    const received: unknown[] = [];
    const lateReplica = await stack.gateway.broker.consume(
      { service: 'llm', instanceId: 'llm-late-replica', prefetch: 1 },
      {
        onEvent: (event) => {
          if (event.meta.name === AnsweringEvent.SettingsPublished) {
            received.push(event.payload);
          }
          return Promise.resolve();
        },
        onRequest: () =>
          throwError(() => Object.assign(new Error('not answering'), { code: 'UNAVAILABLE' })),
      },
    );
    try {
      await stack.gateway.app.get(BotSettingsService).onApplicationBootstrap();
      await waitFor(() => received.length > 0, { message: 'the settings published at start' });
    } finally {
      await lateReplica.stop();
    }

    const current = (await admin.agent.get('/api/settings/bot').expect(200))
      .body as BotSettingsVersion;
    expect(received).toEqual([
      expect.objectContaining({
        version: current.version,
        settings: current.settings,
        changedBy: admin.user.email,
      }),
    ]);
  });

  it('should answer chat with the current version and record it on the message', async () => {
    const current = (await admin.agent.get('/api/settings/bot').expect(200))
      .body as BotSettingsVersion;
    const conversation = (await admin.agent.post('/api/conversations').send({}).expect(201))
      .body as Conversation;

    const response = await admin.agent
      .post(`/api/conversations/${conversation.id}/messages`)
      .send({ content: 'How do I restart Apache?' })
      .expect(201);

    expect((response.body as ChatExchange).assistantMessage.settingsVersion).toBe(current.version);
    expect(stack.searches.at(-1)).toMatchObject({
      topK: current.settings.passages,
      denseWeight: current.settings.denseWeight,
    });
  });

  it.each([
    ['a temperature above 2', { temperature: 2.5 }],
    ['no passages', { passages: 0 }],
    ['more than 20 passages', { passages: 21 }],
    ['a dense weight above 1', { denseWeight: 1.5 }],
    ['a model id without author', { model: 'gpt-4o' }],
    ['a bad fallback model id', { fallbackModels: ['not a model'] }],
    ['too few max tokens', { maxTokens: 1 }],
    ['an unknown field', { topP: 0.9 }],
    ['a note over 500 characters', { note: 'x'.repeat(501) }],
  ])('should refuse %s', async (_case, change) => {
    await admin.agent
      .put('/api/settings/bot')
      .send({ ...FIRST, ...change })
      .expect(400);
  });

  it('should refuse unknown versions and non-admins', async () => {
    await admin.agent.get('/api/settings/bot/versions/99').expect(404);
    await admin.agent.post('/api/settings/bot/rollback').send({ version: 99 }).expect(404);
    await admin.agent.get('/api/settings/bot/diff?from=1&to=99').expect(404);
    const staff = await stack.gateway.signIn('staff');
    await staff.agent.get('/api/settings/bot').expect(403);
    await staff.agent.put('/api/settings/bot').send(FIRST).expect(403);
  });
});
