import { Client } from 'pg';

import type { Liveness, ServiceHealth, SystemHealth } from '@deskpilot/contracts';
import { LOCAL_POSTGRES_URL } from '@deskpilot/testing';

import type { TestGateway } from '../support/session';
import { startTestGateway } from '../support/session';

describe('Gateway liveness and readiness', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ fakeWorkerHealth: false });
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('should report the product not ready while no worker answers', async () => {
    const response = await gateway.http().get('/api/health').expect(503);
    const body = response.body as SystemHealth;

    expect(body.status).toBe('down');
    expect(body.services['gateway']?.status).toBe('up');
    expect(body.services['llm']).toEqual(expect.objectContaining({ status: 'down' }));
  });

  it('should stay live and ready for traffic while the workers are down', async () => {
    const live = await gateway.http().get('/api/health/live').expect(200);
    const ready = await gateway.http().get('/api/health/ready').expect(200);

    expect(live.body).toEqual<Liveness>({
      status: 'up',
      service: 'gateway',
      instanceId: expect.any(String) as string,
      version: expect.any(String) as string,
      uptimeSeconds: expect.any(Number) as number,
    });
    expect((ready.body as ServiceHealth).checks['database']?.status).toBe('up');
  });

  it('should stop being ready but stay live when its own database is gone', async () => {
    const admin = new Client({ connectionString: LOCAL_POSTGRES_URL });
    await admin.connect();
    try {
      const name = new URL(gateway.databaseUrl).pathname.slice(1);
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }

    const ready = await gateway.http().get('/api/health/ready').expect(503);
    await gateway.http().get('/api/health/live').expect(200);

    expect((ready.body as ServiceHealth).checks['database']?.status).toBe('down');
  });
});
