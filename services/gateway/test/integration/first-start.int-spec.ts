import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';

import { ConfigError } from '@deskpilot/config';
import type { AccessTokenResponse, UserPage } from '@deskpilot/contracts';
import type { RunningService } from '@deskpilot/runtime';
import { startService } from '@deskpilot/runtime';

import { gatewayServiceFor, startGateway, takeGeneratedAdminLogin } from '../../src';
import type { GatewayDependencies } from '../support/dependencies';
import { provisionDependencies, strongPassword } from '../support/dependencies';

async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await request(url).post('/api/auth/login').send({ email, password }).expect(200);
  return (response.body as AccessTokenResponse).accessToken;
}

describe('First start', () => {
  let dependencies: GatewayDependencies;
  let running: RunningService | undefined;

  beforeEach(async () => {
    dependencies = await provisionDependencies();
  });

  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await dependencies.dispose();
  });

  function embeddedEnv(extra: Record<string, string> = {}): Record<string, string> {
    const { JWT_SECRET: _unset, ...env } = dependencies.env;
    return { ...env, ...extra };
  }

  it('should create an admin with a generated password once in the embedded mode, and keep sessions across restarts', async () => {
    running = await startGateway({ broker: dependencies.broker, env: embeddedEnv() });
    const login = takeGeneratedAdminLogin(running);

    expect(login).toEqual({
      email: 'admin@deskpilot.local',
      password: expect.any(String) as unknown,
    });
    expect(takeGeneratedAdminLogin(running)).toBeUndefined();
    const token = await signIn(running.url!, login!.email, login!.password);
    const keyFile = await stat(join(dependencies.dataDir, 'gateway', 'jwt-secret'));
    expect(keyFile.mode & 0o077).toBe(0);

    await running.stop();
    running = await startGateway({ broker: dependencies.broker, env: embeddedEnv() });

    expect(takeGeneratedAdminLogin(running)).toBeUndefined();
    const users = await request(running.url!)
      .get('/api/users')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect((users.body as UserPage).total).toBe(1);
  });

  it('should create the ADMIN_EMAIL admin once and never change its password afterwards', async () => {
    const first = strongPassword();
    const env = embeddedEnv({ ADMIN_EMAIL: 'Owner@Gateway.test', ADMIN_PASSWORD: first });
    running = await startGateway({ broker: dependencies.broker, env });

    expect(takeGeneratedAdminLogin(running)).toBeUndefined();
    await signIn(running.url!, 'owner@gateway.test', first);
    await running.stop();

    running = await startGateway({
      broker: dependencies.broker,
      env: { ...env, ADMIN_PASSWORD: strongPassword() },
    });

    const token = await signIn(running.url!, 'owner@gateway.test', first);
    const users = await request(running.url!)
      .get('/api/users')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect((users.body as UserPage).total).toBe(1);
  });

  it('should refuse a weak ADMIN_PASSWORD, naming the variable', async () => {
    await expect(
      startGateway({
        broker: dependencies.broker,
        env: embeddedEnv({ ADMIN_EMAIL: 'owner@gateway.test', ADMIN_PASSWORD: 'password' }),
      }),
    ).rejects.toThrow(/ADMIN_PASSWORD: must be at least 12 characters/);
  });

  describe('as its own process', () => {
    it('should refuse to start without JWT_SECRET', async () => {
      const { JWT_SECRET: _unset, ...env } = dependencies.env;

      await expect(
        startService(gatewayServiceFor('standalone'), { env, broker: dependencies.broker }),
      ).rejects.toThrow(/JWT_SECRET: is required when the gateway runs in its own process/);
    });

    it('should refuse to start with no user and no ADMIN_EMAIL, then start with it', async () => {
      const standalone = gatewayServiceFor('standalone');

      const refused = startService(standalone, {
        env: dependencies.env,
        broker: dependencies.broker,
      });

      await expect(refused).rejects.toBeInstanceOf(ConfigError);
      await expect(refused).rejects.toThrow(/ADMIN_EMAIL/);
      const password = strongPassword();
      running = await startService(standalone, {
        env: { ...dependencies.env, ADMIN_EMAIL: 'ops@gateway.test', ADMIN_PASSWORD: password },
        broker: dependencies.broker,
      });
      await signIn(running.url!, 'ops@gateway.test', password);
    });
  });
});
