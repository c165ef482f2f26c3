import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

import type { AccessTokenResponse, ApiError } from '@deskpilot/contracts';

import type { EmbeddedSystem } from '../../src/embedded/embedded-system';
import { startEmbeddedSystem } from '../../src/embedded/embedded-system';

async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await request(url).post('/api/auth/login').send({ email, password }).expect(200);
  return (response.body as AccessTokenResponse).accessToken;
}

describe('Accounts on a fresh embedded start', () => {
  let dataDir: string;
  let system: EmbeddedSystem;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-e2e-accounts-'));
    system = await startEmbeddedSystem({
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
    });
  });

  afterAll(async () => {
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should let the printed admin create a staff user, who is refused admin routes', async () => {
    const login = system.adminLogin;
    expect(login).toBeDefined();

    const adminToken = await signIn(system.url, login!.email, login!.password);
    await request(system.url)
      .post('/api/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({
        email: 'agent@example.com',
        password: 'Support-desk-staff-2024',
        role: 'staff',
        name: 'Support Agent',
      })
      .expect(201);
    const staffToken = await signIn(system.url, 'agent@example.com', 'Support-desk-staff-2024');

    const me = await request(system.url)
      .get('/api/me')
      .set('Authorization', `Bearer ${staffToken}`)
      .expect(200);
    const refused = await request(system.url)
      .get('/api/users')
      .set('Authorization', `Bearer ${staffToken}`)
      .expect(403);

    expect(me.body).toMatchObject({ email: 'agent@example.com', role: 'staff' });
    expect(refused.body as ApiError).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Your role does not allow this',
    });
    await request(system.url)
      .get('/api/audit')
      .set('Authorization', `Bearer ${staffToken}`)
      .expect(403);
  });
});
