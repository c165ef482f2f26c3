import type {
  BotSettingsVersion,
  PlaygroundResult,
  SearchResponse,
  UpdateBotSettingsRequest,
} from '@deskpilot/contracts';
import { DEFAULT_DENSE_WEIGHT } from '@deskpilot/contracts';

import type { AnsweringStack } from '../support/answering-stack';
import { KB_HITS, parseSse, startAnsweringStack } from '../support/answering-stack';
import type { TestSession } from '../support/session';

const DRAFT: UpdateBotSettingsRequest = {
  model: 'openai/gpt-4o',
  fallbackModels: [],
  temperature: 0.1,
  maxTokens: 400,
  systemPrompt: 'Draft prompt for the playground test.',
  passages: 1,
  denseWeight: 0.2,
};

describe('Playground and search', () => {
  let stack: AnsweringStack;
  let admin: TestSession;
  let staff: TestSession;

  beforeAll(async () => {
    stack = await startAnsweringStack();
    admin = await stack.gateway.signIn(stack.gateway.admin);
    staff = await stack.gateway.signIn('staff');
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('should return the passages with scores, the prompt and the answer for the current settings', async () => {
    const response = await admin.agent
      .post('/api/playground')
      .send({ query: 'How do I restart Apache?' })
      .expect(200);

    const result = response.body as PlaygroundResult;
    expect(result.passages.map((p) => [p.chunkId, p.score])).toEqual(
      KB_HITS.map((hit) => [hit.chunkId, hit.score]),
    );
    expect(result.prompt.map((m) => m.role)).toContain('system');
    expect(JSON.stringify(result.prompt)).toContain('restart Apache');
    expect(result.answer.length).toBeGreaterThan(0);
    expect(result.final).toMatchObject({ outcome: 'ok', text: result.answer });
    expect(result.citations.length).toBeGreaterThan(0);
    expect(result.settingsVersion).toBe(0);
  });

  it('should answer with a draft, and with a stored version, side by side', async () => {
    const saved = (await admin.agent.put('/api/settings/bot').send(DRAFT).expect(200))
      .body as BotSettingsVersion;
    const draft = { ...DRAFT, systemPrompt: 'An unsaved draft prompt.' };

    const [withDraft, withVersion] = await Promise.all([
      admin.agent.post('/api/playground').send({ query: 'Forward mail?', settings: draft }),
      admin.agent.post('/api/playground').send({ query: 'Forward mail?', version: saved.version }),
    ]);

    const a = withDraft.body as PlaygroundResult;
    const b = withVersion.body as PlaygroundResult;
    expect([withDraft.status, withVersion.status]).toEqual([200, 200]);
    expect(a).toMatchObject({ settingsVersion: null, settings: draft });
    expect(JSON.stringify(a.prompt)).toContain('An unsaved draft prompt.');
    expect(b).toMatchObject({ settingsVersion: saved.version, settings: DRAFT });
    expect(JSON.stringify(b.prompt)).toContain('Draft prompt for the playground test.');
    expect(stack.searches.slice(-2)).toEqual([
      expect.objectContaining({ topK: 1, denseWeight: 0.2 }),
      expect.objectContaining({ topK: 1, denseWeight: 0.2 }),
    ]);
  });

  it('should stream the playground answer when asked for events', async () => {
    const response = await admin.agent
      .post('/api/playground')
      .set('Accept', 'text/event-stream')
      .send({ query: 'How do I restart Apache?' })
      .expect(200);

    const events = parseSse(response.text);
    expect(events[0]).toMatchObject({
      event: 'started',
      data: { passages: expect.any(Array) as unknown, prompt: expect.any(Array) as unknown },
    });
    expect(events.some((e) => e.event === 'token')).toBe(true);
    expect(events.at(-1)!.event).toBe('final');
    expect((events.at(-1)!.data as PlaygroundResult).passages.length).toBeGreaterThan(0);
  });

  it('should refuse the playground to staff and bad requests', async () => {
    await staff.agent.post('/api/playground').send({ query: 'Hello' }).expect(403);
    await admin.agent
      .post('/api/playground')
      .send({ query: 'Hello', version: 1, settings: DRAFT })
      .expect(400);
    await admin.agent.post('/api/playground').send({ query: 'Hello', version: 99 }).expect(404);
  });

  it('should search the knowledge base for staff', async () => {
    const response = await staff.agent
      .post('/api/search')
      .send({ query: 'restart apache', topK: 3 })
      .expect(200);

    expect((response.body as SearchResponse).hits.map((hit) => hit.chunkId)).toEqual(
      KB_HITS.map((hit) => hit.chunkId),
    );
    expect(stack.searches.at(-1)).toEqual({
      query: 'restart apache',
      topK: 3,
      denseWeight: DEFAULT_DENSE_WEIGHT,
    });
    await staff.agent.post('/api/search').send({ query: '' }).expect(400);
  });
});
