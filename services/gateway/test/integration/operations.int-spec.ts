import { randomUUID } from 'node:crypto';
import { of } from 'rxjs';

import type {
  AuditPage,
  DeadLetterList,
  DraftGenerated,
  QueueOverview,
} from '@deskpilot/contracts';
import {
  AuditAction,
  DEAD_LETTER_BODY_LIMIT,
  DraftingEvent,
  catalog,
  topology,
} from '@deskpilot/contracts';
import type { Consumer } from '@deskpilot/messaging';
import { AmqpBroker, PermanentMessageError, newMeta } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import { retryPolicy } from '@deskpilot/runtime';
import type { Disposable } from '@deskpilot/testing';
import { createTestVhost, waitFor } from '@deskpilot/testing';

import type { TestGateway, TestSession } from '../support/session';
import { startTestGateway } from '../support/session';

const logger = createLogger({ service: 'test', instanceId: 'test', level: 'silent' });

function draft(overrides: Partial<DraftGenerated> = {}): DraftGenerated {
  return {
    draftId: randomUUID(),
    ticketId: '4711',
    text: 'Your domain renews automatically.',
    citations: [],
    confidence: 0.8,
    flags: { injectionSuspected: false, redactions: [], unsupportedSentences: [] },
    offline: true,
    model: 'offline',
    settingsVersion: 1,
    interactionId: randomUUID(),
    ...overrides,
  };
}

describe('Operations API', () => {
  let vhost: Disposable<string>;
  let bus: AmqpBroker;
  let worker: AmqpBroker;
  let consumer: Consumer;
  let gateway: TestGateway;
  let admin: TestSession;
  const handled: string[] = [];
  const failing = new Set<string>();

  beforeAll(async () => {
    vhost = await createTestVhost();
    bus = new AmqpBroker({
      catalog,
      topology,
      retry: retryPolicy(3),
      url: vhost.value,
      connectionName: 'gateway-test',
      logger,
    });
    await bus.connect();
    // The stand-in whmcs-sync below must be the only consumer of its queue.
    gateway = await startTestGateway({ broker: bus, fakeWorkerHealth: false });
    admin = await gateway.signIn(gateway.admin);

    // A whmcs-sync replica whose draft handler fails for good on the drafts listed in `failing`.
    const routes = topology['whmcs-sync'];
    worker = new AmqpBroker({
      catalog,
      topology: {
        ...topology,
        'whmcs-sync': {
          ...routes,
          events: [...new Set([...routes.events, DraftingEvent.DraftGenerated])],
        },
      },
      retry: retryPolicy(3),
      url: vhost.value,
      connectionName: 'whmcs-sync-test',
      logger,
    });
    await worker.connect();
    consumer = await worker.consume(
      { service: 'whmcs-sync', instanceId: 'test', prefetch: 4 },
      {
        onEvent: ({ payload }) => {
          const { draftId } = payload as DraftGenerated;
          if (failing.has(draftId)) {
            return Promise.reject(new PermanentMessageError(`WHMCS refused draft ${draftId}`));
          }
          handled.push(draftId);
          return Promise.resolve();
        },
        onRequest: () => of(null),
      },
    );
  });

  afterAll(async () => {
    await consumer.stop();
    await worker.close();
    await gateway.stop();
    await bus.close();
    await vhost.dispose();
  });

  async function deadLetters(query = ''): Promise<DeadLetterList> {
    const response = await admin.agent.get(`/api/ops/dead-letters${query}`).expect(200);
    return response.body as DeadLetterList;
  }

  async function publishDraft(payload: DraftGenerated): Promise<string> {
    const meta = newMeta(DraftingEvent.DraftGenerated, randomUUID(), 'llm');
    await bus.publish(meta, payload);
    return meta.id;
  }

  describe('GET /api/ops/queues', () => {
    it('should name each queue by service and purpose, with its depth and consumers', async () => {
      const response = await admin.agent.get('/api/ops/queues').expect(200);
      const overview = response.body as QueueOverview;

      expect(overview.transport).toBe('amqp');
      expect(overview.queues).toContainEqual({
        queue: 'deskpilot.whmcs-sync.events',
        service: 'whmcs-sync',
        kind: 'work',
        messages: 0,
        consumers: 1,
      });
      expect(overview.queues).toContainEqual(
        expect.objectContaining({
          queue: 'deskpilot.ingest.dead',
          service: 'ingest',
          kind: 'dead',
        }),
      );
    });
  });

  describe('GET /api/ops/dead-letters', () => {
    it('should list a message that failed for good with its reason, attempts and body', async () => {
      const payload = draft();
      failing.add(payload.draftId);
      const id = await publishDraft(payload);

      const letter = await waitFor(
        async () => (await deadLetters('?service=whmcs-sync')).items.find((item) => item.id === id),
        { timeoutMs: 10_000 },
      );

      expect(letter).toMatchObject({
        service: 'whmcs-sync',
        name: DraftingEvent.DraftGenerated,
        queue: 'deskpilot.whmcs-sync.events',
        attempts: 1,
        bodyTruncated: false,
      });
      expect(letter.error).toContain(`WHMCS refused draft ${payload.draftId}`);
      expect(JSON.parse(letter.body)).toEqual(payload);
      expect((await deadLetters()).items.map((item) => item.id)).toContain(id);
      expect((await deadLetters('?service=ingest')).items).toEqual([]);
    });

    it('should shorten a long body and say so', async () => {
      const payload = draft({ text: 'x'.repeat(DEAD_LETTER_BODY_LIMIT * 2) });
      failing.add(payload.draftId);
      const id = await publishDraft(payload);

      const letter = await waitFor(
        async () => (await deadLetters()).items.find((item) => item.id === id),
        { timeoutMs: 10_000 },
      );

      expect(letter.bodyTruncated).toBe(true);
      expect(letter.body).toHaveLength(DEAD_LETTER_BODY_LIMIT);
    });

    it('should refuse a service that does not exist', async () => {
      const response = await admin.agent.get('/api/ops/dead-letters?service=billing').expect(400);

      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });
  });

  describe('POST /api/ops/dead-letters/replay', () => {
    it('should send the chosen letter back to be handled again and audit who did it', async () => {
      const payload = draft();
      failing.add(payload.draftId);
      const id = await publishDraft(payload);
      await waitFor(async () => (await deadLetters()).items.some((item) => item.id === id), {
        timeoutMs: 10_000,
      });
      failing.delete(payload.draftId);

      const response = await admin.agent
        .post('/api/ops/dead-letters/replay')
        .send({ service: 'whmcs-sync', ids: [id] })
        .expect(200);

      expect(response.body).toEqual({ replayed: 1 });
      await waitFor(() => handled.includes(payload.draftId), { timeoutMs: 10_000 });
      expect((await deadLetters()).items.map((item) => item.id)).not.toContain(id);
      const audit = await admin.agent
        .get(`/api/audit?action=${AuditAction.DeadLettersReplayed}`)
        .expect(200);
      expect((audit.body as AuditPage).items[0]).toMatchObject({
        actorEmail: gateway.admin.email,
        targetType: 'service',
        targetId: 'whmcs-sync',
        details: { replayed: 1, ids: [id] },
      });
    });

    it('should replay nothing when the ids are not dead letters', async () => {
      const response = await admin.agent
        .post('/api/ops/dead-letters/replay')
        .send({ service: 'ingest', ids: [randomUUID()] })
        .expect(200);

      expect(response.body).toEqual({ replayed: 0 });
    });

    it('should refuse a request without a known service or with an empty id list', async () => {
      await admin.agent
        .post('/api/ops/dead-letters/replay')
        .send({ ids: ['x'] })
        .expect(400);
      await admin.agent
        .post('/api/ops/dead-letters/replay')
        .send({ service: 'whmcs-sync', ids: [] })
        .expect(400);
    });
  });

  describe('access', () => {
    it('should be for administrators only', async () => {
      const staff = await gateway.signIn('staff');

      await staff.agent.get('/api/ops/queues').expect(403);
      await staff.agent
        .post('/api/ops/dead-letters/replay')
        .send({ service: 'whmcs-sync' })
        .expect(403);
      await gateway.http().get('/api/ops/dead-letters').expect(401);
    });
  });
});
