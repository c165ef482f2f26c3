import { randomUUID } from 'node:crypto';

import type { AuditPage } from '@deskpilot/contracts';

import { AuditRetention } from '../../src/audit/audit-retention.service';
import { AuditRepository } from '../../src/audit/audit.repository';
import { AuditEntryEntity } from '../../src/audit/entities/audit-entry.entity';
import type { TestGateway, TestSession } from '../support/session';
import { startTestGateway } from '../support/session';

const DAY = 24 * 60 * 60 * 1000;

function entry(action: string, occurredAt: Date): AuditEntryEntity {
  return Object.assign(new AuditEntryEntity(), {
    id: randomUUID(),
    occurredAt,
    actorId: null,
    actorEmail: 'alex@example.com',
    action,
    targetType: null,
    targetId: null,
    details: {},
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0',
    correlationId: null,
  });
}

describe('Audit log retention', () => {
  let gateway: TestGateway;
  let admin: TestSession;

  beforeAll(async () => {
    gateway = await startTestGateway({ env: { AUDIT_RETENTION_DAYS: '30' } });
    admin = await gateway.signIn('admin');
  });

  afterAll(async () => {
    await gateway.stop();
  });

  async function actions(): Promise<string[]> {
    const page = (await admin.agent.get('/api/audit?action=test.*').expect(200)).body as AuditPage;
    return page.items.map((item) => item.action);
  }

  it('should delete the entries from before the period and keep the later ones', async () => {
    const repository = gateway.app.get(AuditRepository);
    await repository.insert(entry('test.aged', new Date(Date.now() - 31 * DAY)));
    await repository.insert(entry('test.recent', new Date(Date.now() - 29 * DAY)));
    expect(await actions()).toEqual(expect.arrayContaining(['test.aged', 'test.recent']));

    expect(await gateway.app.get(AuditRetention).prune()).toBe(1);

    const left = await actions();
    expect(left).toContain('test.recent');
    expect(left).not.toContain('test.aged');
    expect(await gateway.app.get(AuditRetention).prune()).toBe(0);
  });
});
