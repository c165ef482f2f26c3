import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';

import type { AccessTokenResponse, Role, User, topology } from '@deskpilot/contracts';
import type { Broker } from '@deskpilot/messaging';
import type { RunningService } from '@deskpilot/runtime';

import { startGateway } from '../../src';
import { UsersService } from '../../src/users/users.service';
import { provisionDependencies, strongPassword } from './dependencies';

export { strongPassword } from './dependencies';

export interface TestGatewayOptions {
  /** Extra or overriding environment variables for the gateway. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Answer the workers' health probes with "up" (default true), so /api/health does not wait
   * for services that are not running. Fake other worker RPCs by consuming on `broker`.
   */
  readonly fakeWorkerHealth?: boolean;
  /** Run on this bus (for example RabbitMQ) instead of a new in-process one; the caller closes it. */
  readonly broker?: Broker;
  /** The bus topology, for stand-ins answering messages the product topology does not route yet. */
  readonly topology?: typeof topology;
}

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

/** A signed-in user: an agent that sends the bearer token and keeps the refresh cookie. */
export interface TestSession {
  readonly user: User;
  readonly credentials: Credentials;
  readonly accessToken: string;
  /** Every request carries `Authorization: Bearer <accessToken>` and the refresh cookie. */
  readonly agent: TestAgent;
}

export interface TestGateway {
  readonly url: string;
  readonly app: INestApplication;
  readonly running: RunningService;
  /** The in-process bus the gateway uses; attach consumers to fake other services. */
  readonly broker: Broker;
  readonly databaseUrl: string;
  readonly dataDir: string;
  readonly jwtSecret: string;
  /** The administrator created from ADMIN_EMAIL / ADMIN_PASSWORD. */
  readonly admin: Credentials;
  /** A request builder without credentials. */
  http(): ReturnType<typeof request>;
  /** Creates a user directly (no HTTP); the email is random unless given. */
  createUser(
    role: Role,
    overrides?: Partial<Credentials & { name: string }>,
  ): Promise<Credentials & { user: User }>;
  /** Signs in through the API, creating a user first when given a role. */
  signIn(who: Role | Credentials): Promise<TestSession>;
  stop(): Promise<void>;
}

/**
 * Starts the real gateway (real HTTP stack, migrations and access guard) against a throw-away
 * PostgreSQL database, a local S3 and the in-process bus. One per test file:
 *
 *   const gateway = await startTestGateway();
 *   const staff = await gateway.signIn('staff');
 *   await staff.agent.get('/api/me').expect(200);
 *   await gateway.stop();
 */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const dependencies = await provisionDependencies({
    ...(options.fakeWorkerHealth === undefined
      ? {}
      : { fakeWorkerHealth: options.fakeWorkerHealth }),
    ...(options.broker === undefined ? {} : { broker: options.broker }),
    ...(options.topology === undefined ? {} : { topology: options.topology }),
  });
  const admin = { email: 'admin@gateway.test', password: strongPassword() };
  const env: Record<string, string> = {
    ...dependencies.env,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    ...options.env,
  };
  let running: RunningService;
  try {
    running = await startGateway({ broker: dependencies.broker, env });
  } catch (error) {
    await dependencies.dispose();
    throw error;
  }
  const url = running.url ?? '';
  const app = running.app as INestApplication;

  const gateway: TestGateway = {
    url,
    app,
    running,
    broker: dependencies.broker,
    databaseUrl: dependencies.databaseUrl,
    dataDir: dependencies.dataDir,
    jwtSecret: env.JWT_SECRET ?? '',
    admin,
    http: () => request(url),
    createUser: async (role, overrides = {}) => {
      const credentials = {
        email: overrides.email ?? `${role}-${randomBytes(4).toString('hex')}@gateway.test`,
        password: overrides.password ?? strongPassword(),
      };
      const user = await app
        .get(UsersService, { strict: false })
        .create({ ...credentials, role, name: overrides.name ?? `Test ${role}` });
      return { ...credentials, user };
    },
    signIn: async (who) => {
      const { email, password } = typeof who === 'string' ? await gateway.createUser(who) : who;
      const credentials = { email, password };
      const agent = request.agent(url);
      const response = await agent.post('/api/auth/login').send(credentials).expect(200);
      const body = response.body as AccessTokenResponse;
      agent.set('Authorization', `Bearer ${body.accessToken}`);
      return { user: body.user, credentials, accessToken: body.accessToken, agent };
    },
    stop: async () => {
      await running.stop();
      await dependencies.dispose();
    },
  };
  return gateway;
}
