import { randomUUID } from 'node:crypto';

import type {
  AnalyticsReport,
  AuditPage,
  ChatExchange,
  Conversation,
  DraftView,
  KnowledgeGapsReport,
} from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import type { RunningService } from '@deskpilot/runtime';
import { waitFor } from '@deskpilot/testing';
import type { RunningWhmcsSimulator } from '@deskpilot/whmcs-simulator';
import { SIMULATOR_CREDENTIALS, startWhmcsSimulator } from '@deskpilot/whmcs-simulator';
import { startWhmcsSync } from '@deskpilot/whmcs-sync';

import type { AnsweringStack } from '../support/answering-stack';
import { startAnsweringStack } from '../support/answering-stack';
import type { TestSession } from '../support/session';

const HOUR_MS = 3_600_000;
const REVIEWER = { id: 'user-1', name: 'Alex Reviewer' };

describe('Analytics', () => {
  let stack: AnsweringStack;
  let simulator: RunningWhmcsSimulator;
  let sync: RunningService;
  let stopped = false;
  let bus: MessageBus;
  let admin: TestSession;
  let staff: TestSession;

  beforeAll(async () => {
    stack = await startAnsweringStack({ offline: true });
    simulator = await startWhmcsSimulator({ seed: 1 });
    sync = await startWhmcsSync({
      broker: stack.gateway.broker,
      env: {
        DATABASE_URL: stack.gateway.databaseUrl,
        WHMCS_URL: simulator.url,
        WHMCS_IDENTIFIER: SIMULATOR_CREDENTIALS.identifier,
        WHMCS_SECRET: SIMULATOR_CREDENTIALS.secret,
        WHMCS_TIMEZONE: simulator.timeZone,
        WHMCS_POLL_SECONDS: '3600',
        LOG_LEVEL: 'silent',
      },
    });
    bus = new MessageBus(stack.gateway.broker, { service: 'test', defaultTimeoutMs: 15_000 });
    admin = await stack.gateway.signIn(stack.gateway.admin);
    staff = await stack.gateway.signIn('staff');
  });

  afterAll(async () => {
    if (!stopped) {
      await sync.stop();
    }
    await simulator.close();
    await stack.stop();
  });

  async function ask(question: string): Promise<ChatExchange> {
    const conversation = (await staff.agent.post('/api/conversations').send({}).expect(201))
      .body as Conversation;
    return (
      await staff.agent
        .post(`/api/conversations/${conversation.id}/messages`)
        .send({ content: question })
        .expect(201)
    ).body as ChatExchange;
  }

  async function readyDrafts(): Promise<DraftView[]> {
    return (await bus.request('tickets.drafts.list', { status: ['ready'], limit: 200, offset: 0 }))
      .items;
  }

  it('should put chat, feedback and draft outcomes of the last hours side by side', async () => {
    const since = Date.now() - HOUR_MS;
    const first = await ask('How do I restart Apache?');
    await ask('How do I forward mail?');
    await staff.agent.put(`/api/feedback/${first.assistantMessage.id}`).send({ rating: 'up' });

    const drafts = await waitFor(
      async () => {
        const ready = await readyDrafts();
        return ready.length >= 2 ? ready : undefined;
      },
      { timeoutMs: 60_000, message: 'two drafts written by llm' },
    );
    const [approved, rejected] = drafts as [DraftView, DraftView];
    const sent = await bus.request('tickets.drafts.approve', {
      draftId: approved.id,
      approvedBy: REVIEWER,
      text: `${approved.aiText ?? ''}\n\nWe have also refreshed your account.`,
    });
    expect(sent.outcome).toBe('sent');
    await bus.request('tickets.drafts.reject', { draftId: rejected.id, rejectedBy: REVIEWER });

    const path = `/api/analytics?from=${encodeURIComponent(new Date(since).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + HOUR_MS).toISOString())}`;
    const report = await waitFor(
      async () => {
        const body = (await admin.agent.get(path).expect(200)).body as AnalyticsReport;
        const made = (await bus.request('tickets.drafts.list', { limit: 1, offset: 0 })).total;
        return body.totals.interactions?.feedbackUp === 1 &&
          body.totals.drafts?.created === made &&
          body.totals.interactions.drafts === made
          ? body
          : undefined;
      },
      { timeoutMs: 30_000, message: 'feedback and every draft counted' },
    );

    expect(report.bucket).toBe('hour');
    expect(report.timeZone).toBe('UTC');
    expect(report.unavailable).toEqual([]);
    expect(report.series.length).toBeGreaterThanOrEqual(2);
    expect(report.series.length).toBeLessThanOrEqual(3);
    expect(report.totals.interactions).toMatchObject({
      chat: 2,
      playground: 0,
      failed: 0,
      feedbackUp: 1,
      feedbackDown: 0,
    });
    expect(report.totals.interactions?.totalMsP50).not.toBeNull();
    const cited = first.assistantMessage.citations[0];
    expect(cited).toBeDefined();
    expect(report.knowledge?.answers).toBeGreaterThanOrEqual(2);
    expect(report.knowledge?.answers).toBeLessThanOrEqual(
      report.totals.interactions?.interactions ?? 0,
    );
    expect(report.knowledge?.documents).toContainEqual(
      expect.objectContaining({ documentId: cited?.documentId, helpful: 1, notHelpful: 0 }),
    );
    expect(report.totals.drafts).toMatchObject({
      approved: 1,
      sent: 1,
      rejected: 1,
      acceptanceRate: 0.5,
      edited: 1,
      editRate: 1,
    });
    expect(report.totals.drafts?.meanEditRatio).toBeCloseTo(sent.draft.editRatio ?? -1, 9);
    const sum = (pick: (point: AnalyticsReport['series'][number]) => number): number =>
      report.series.reduce((total, point) => total + pick(point), 0);
    expect(sum((point) => point.interactions?.chat ?? 0)).toBe(2);
    expect(sum((point) => point.drafts?.created ?? 0)).toBe(report.totals.drafts?.created);
    expect(sum((point) => point.drafts?.approved ?? 0)).toBe(1);
  });

  it('should group the questions whose answers were rated not helpful, until closed', async () => {
    const from = new Date(Date.now() - 1_000).toISOString();
    const asked = [
      await ask('How do I renew the SSL certificate of my shop?'),
      await ask('The SSL certificate of my shop expired, how do I renew it?'),
    ];
    for (const exchange of asked) {
      await staff.agent
        .put(`/api/feedback/${exchange.assistantMessage.id}`)
        .send({ rating: 'down', comment: 'Nothing about SSL' })
        .expect(200);
    }
    const query = { from, to: new Date(Date.now() + HOUR_MS).toISOString() };

    const report = await waitFor(
      async () => {
        const body = (
          await admin.agent.get('/api/analytics/knowledge-gaps').query(query).expect(200)
        ).body as KnowledgeGapsReport;
        const ssl = body.gaps.find((gap) => gap.terms.includes('certificate'));
        return ssl?.notHelpful === 2 ? { body, ssl } : undefined;
      },
      { timeoutMs: 30_000, message: 'both ratings copied onto the log' },
    );

    expect(report.body.from).toBe(query.from);
    expect(report.ssl).toMatchObject({ questions: 2, chat: 2, drafts: 0 });
    // Four words are in both; three name the group.
    expect(report.ssl.terms).toHaveLength(3);
    expect(report.ssl.terms).toContain('renew');
    expect(report.ssl.examples.map((example) => example.question)).toEqual([
      'The SSL certificate of my shop expired, how do I renew it?',
      'How do I renew the SSL certificate of my shop?',
    ]);

    const ids = { interactionIds: report.ssl.interactionIds };
    const close = '/api/analytics/knowledge-gaps/close';
    await staff.agent
      .post(close)
      .send({ ...ids, resolution: 'dismissed' })
      .expect(403);
    expect(
      (
        await admin.agent
          .post(close)
          .send({ ...ids, resolution: 'dismissed' })
          .expect(200)
      ).body,
    ).toEqual({ closed: 2, topicId: null });
    const closed = (await admin.agent.get('/api/analytics/knowledge-gaps').query(query).expect(200))
      .body as KnowledgeGapsReport;
    expect(closed.closed).toBe(2);
    expect(closed.gaps.flatMap((gap) => gap.interactionIds)).not.toContain(ids.interactionIds[0]);
    const listedClosed = (
      await admin.agent
        .get('/api/analytics/knowledge-gaps')
        .query({ ...query, closed: 'true' })
        .expect(200)
    ).body as KnowledgeGapsReport;
    expect(listedClosed.gaps.map((gap) => gap.interactionIds)).toEqual([ids.interactionIds]);
    await admin.agent
      .get('/api/analytics/knowledge-gaps')
      .query({ ...query, closed: 'yes' })
      .expect(400);
    const audit = (await admin.agent.get('/api/audit').query({ action: 'analytics.*' }).expect(200))
      .body as AuditPage;
    expect(audit.items[0]).toMatchObject({
      action: 'analytics.knowledge_gap.closed',
      actorEmail: stack.gateway.admin.email,
      targetId: null,
      details: { resolution: 'dismissed', questions: 2 },
    });

    const reopen = '/api/analytics/knowledge-gaps/reopen';
    expect((await admin.agent.post(reopen).send(ids).expect(200)).body).toEqual({ reopened: 2 });
    expect((await admin.agent.post(reopen).send(ids).expect(200)).body).toEqual({ reopened: 0 });
    const reopened = (
      await admin.agent.get('/api/analytics/knowledge-gaps').query(query).expect(200)
    ).body as KnowledgeGapsReport;
    expect(reopened.closed).toBe(0);
    expect(reopened.gaps).toContainEqual(report.ssl);
  });

  it("should dismiss a topic's new questions until an administrator gives it up", async () => {
    const from = new Date(Date.now() - 1_000).toISOString();
    const query = { from, to: new Date(Date.now() + HOUR_MS).toISOString() };
    const asked = [
      await ask('Phishing site on your server: a fake bank login page, please take it down'),
      await ask('Please take down the phishing site on your server, a fake bank login page'),
    ].map((exchange) => exchange.assistantMessage.interactionId ?? '');
    const gaps = (await admin.agent.get('/api/analytics/knowledge-gaps').query(query).expect(200))
      .body as KnowledgeGapsReport;
    const phishing = gaps.gaps.find((gap) => gap.interactionIds.includes(asked[0] ?? ''));
    expect([...(phishing?.interactionIds ?? [])].sort()).toEqual([...asked].sort());

    const dismissed = await admin.agent
      .post('/api/analytics/knowledge-gaps/close')
      .send({ interactionIds: asked, resolution: 'dismissed', dismissTopic: true })
      .expect(200);
    const { topicId } = dismissed.body as { topicId: string };
    expect(dismissed.body).toEqual({ closed: 2, topicId: expect.any(String) as string });
    const again = (await ask('Another phishing site on your server, a fake bank login page'))
      .assistantMessage.interactionId;
    const after = (await admin.agent.get('/api/analytics/knowledge-gaps').query(query).expect(200))
      .body as KnowledgeGapsReport;
    expect(after.gaps.flatMap((gap) => gap.interactionIds)).not.toContain(again);
    expect(after.dismissedTopics).toEqual([
      {
        id: topicId,
        terms: phishing?.terms,
        dismissedBy: ((await admin.agent.get('/api/me').expect(200)).body as { name: string }).name,
        dismissedAt: expect.any(String) as string,
        questions: 3,
      },
    ]);

    const forget = `/api/analytics/knowledge-gaps/dismissed-topics/${topicId}`;
    await staff.agent.delete(forget).expect(403);
    await admin.agent.delete('/api/analytics/knowledge-gaps/dismissed-topics/7').expect(400);
    await admin.agent.delete(`${forget}?reopen=maybe`).expect(400);
    await admin.agent.delete(forget).expect(204);
    await admin.agent.delete(forget).expect(404);
    const audit = (await admin.agent.get('/api/audit').query({ action: 'analytics.*' }).expect(200))
      .body as AuditPage;
    expect(audit.items.slice(0, 2)).toMatchObject([
      { action: 'analytics.knowledge_gap.topic_forgotten', details: { topicId, reopened: 0 } },
      {
        action: 'analytics.knowledge_gap.closed',
        details: { resolution: 'dismissed', questions: 2, topicId },
      },
    ]);
    const forgotten = (
      await admin.agent.get('/api/analytics/knowledge-gaps').query(query).expect(200)
    ).body as KnowledgeGapsReport;
    expect(forgotten.dismissedTopics).toEqual([]);
  });

  it.each([
    [
      'a topic kept with an article',
      {
        interactionIds: [randomUUID()],
        resolution: 'article',
        documentId: randomUUID(),
        dismissTopic: true,
      },
    ],
    ['no ids', { interactionIds: [], resolution: 'dismissed' }],
    ['an id that is not a UUID', { interactionIds: ['7'], resolution: 'dismissed' }],
    ['an unknown resolution', { interactionIds: [randomUUID()], resolution: 'solved' }],
    ['an article without its document', { interactionIds: [randomUUID()], resolution: 'article' }],
    [
      'a dismissal with a document',
      { interactionIds: [randomUUID()], resolution: 'dismissed', documentId: randomUUID() },
    ],
  ])('should refuse to close a gap with %s', async (_case, body) => {
    await admin.agent.post('/api/analytics/knowledge-gaps/close').send(body).expect(400);
  });

  it('should close the questions an article was written for, naming the article', async () => {
    const document = randomUUID();
    const interaction = (await ask('Can I host a Minecraft server on my reseller plan?'))
      .assistantMessage.interactionId;
    expect(interaction).not.toBeNull();
    const response = await admin.agent
      .post('/api/analytics/knowledge-gaps/close')
      .send({ interactionIds: [interaction], resolution: 'article', documentId: document })
      .expect(200);

    expect(response.body).toEqual({ closed: 1, topicId: null });
    const audit = (await admin.agent.get('/api/audit').query({ action: 'analytics.*' }).expect(200))
      .body as AuditPage;
    expect(audit.items[0]).toMatchObject({
      action: 'analytics.knowledge_gap.closed',
      targetType: 'document',
      targetId: document,
      details: { resolution: 'article', questions: 1 },
    });
  });

  it('should refuse knowledge gaps for a reversed or too long range, and staff', async () => {
    const range = { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' };
    await admin.agent.get('/api/analytics/knowledge-gaps').query(range).expect(400);
    const long = await admin.agent
      .get('/api/analytics/knowledge-gaps')
      .query({ from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })
      .expect(400);
    expect(JSON.stringify(long.body)).toContain('the range must be at most 367 days');
    await staff.agent
      .get('/api/analytics/knowledge-gaps')
      .query({ from: range.to, to: range.from })
      .expect(403);
  });

  it('should answer days in the asked time zone, empty days included', async () => {
    const response = await admin.agent
      .get('/api/analytics')
      .query({
        from: '2020-01-01T00:00:00+01:00',
        to: '2020-01-08T00:00:00+01:00',
        timeZone: 'Europe/Berlin',
      })
      .expect(200);
    const report = response.body as AnalyticsReport;

    expect(report.bucket).toBe('day');
    expect(report.series.map((point) => point.start)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07'].map((day) =>
        new Date(`2020-01-${day}T00:00:00+01:00`).toISOString(),
      ),
    );
    expect(report.totals.interactions?.interactions).toBe(0);
    expect(report.totals.drafts).toMatchObject({ created: 0, acceptanceRate: null });
  });

  it.each([
    ['from after to', { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }],
    ['a range over a year', { from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }],
    [
      'hours over more than a month',
      { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z', bucket: 'hour' },
    ],
    [
      'an unknown time zone',
      { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z', timeZone: 'Mars/Olympus' },
    ],
    ['no range', {}],
  ])('should refuse %s', async (_case, query) => {
    await admin.agent.get('/api/analytics').query(query).expect(400);
  });

  it('should still answer the interactions, and say so, while whmcs-sync is down', async () => {
    await sync.stop();
    stopped = true;

    const report = (
      await admin.agent
        .get('/api/analytics')
        .query({ from: '2020-01-01T00:00:00Z', to: '2020-01-03T00:00:00Z', bucket: 'day' })
        .expect(200)
    ).body as AnalyticsReport;

    expect(report.unavailable.map((missing) => missing.part)).toEqual(['drafts']);
    expect(report.unavailable[0]?.message).toContain('whmcs-sync did not answer');
    expect(report.totals).toMatchObject({ interactions: { interactions: 0 }, drafts: null });
    expect(report.series).toHaveLength(2);
    expect(
      report.series.every((point) => point.interactions !== null && point.drafts === null),
    ).toBe(true);
  }, 30_000);

  it('should be for administrators only', async () => {
    await staff.agent
      .get('/api/analytics')
      .query({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' })
      .expect(403);
  });
});
