import { randomUUID } from 'node:crypto';

import type { AuditPage, DraftChanged } from '@deskpilot/contracts';
import { AuditAction, TicketsEvent, catalog, topology } from '@deskpilot/contracts';
import { AmqpBroker, newMeta } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import type { Disposable } from '@deskpilot/testing';
import { createTestVhost, waitFor } from '@deskpilot/testing';

import type { TestGateway } from '../support/session';
import { startTestGateway } from '../support/session';

jest.setTimeout(60_000);

describe('The audit of a reply sent while no gateway runs', () => {
  let vhost: Disposable<string>;
  let broker: AmqpBroker;
  let gateway: TestGateway | undefined;

  beforeAll(async () => {
    vhost = await createTestVhost();
    broker = new AmqpBroker({
      catalog,
      topology,
      retry: { maxAttempts: 5, delaysMs: [100, 250, 500] },
      url: vhost.value,
      connectionName: 'gateway-sent-reply-audit-test',
      logger: createLogger({ service: 'test', instanceId: 'test', level: 'silent' }),
    });
    // Connecting declares every service's durable queues, as whmcs-sync does when it starts.
    await broker.connect();
  });

  afterAll(async () => {
    await gateway?.stop();
    await broker.close();
    await vhost.dispose();
  });

  it('should record tickets.reply.sent once when a gateway starts after whmcs-sync confirmed the post', async () => {
    const change: DraftChanged = {
      draftId: randomUUID(),
      ticketId: '4711',
      ticketNumber: 'ABC-123456',
      departmentId: '1',
      status: 'sent',
      previousStatus: 'sending',
      version: 4,
      confidence: 0.82,
      changedAt: new Date().toISOString(),
    };
    await broker.publish(newMeta(TicketsEvent.DraftChanged, randomUUID(), 'whmcs-sync'), change);

    gateway = await startTestGateway({ broker });
    const admin = await gateway.signIn(gateway.admin);

    const entries = await waitFor(
      async () => {
        const response = await admin.agent
          .get('/api/audit')
          .query({ action: AuditAction.ReplySent, pageSize: 200 })
          .expect(200);
        const found = (response.body as AuditPage).items.filter(
          (entry) => entry.targetId === change.draftId,
        );
        return found.length > 0 && found;
      },
      { timeoutMs: 20_000, message: `No ${AuditAction.ReplySent} entry for ${change.draftId}` },
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: AuditAction.ReplySent,
      actorId: null,
      targetType: 'draft',
      details: {
        ticketId: change.ticketId,
        ticketNumber: change.ticketNumber,
        confirmedAt: change.changedAt,
      },
    });
  });
});
