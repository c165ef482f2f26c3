import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTestVhost, waitFor } from '@deskpilot/testing';

import { startEmbeddedProcess } from './embedded-process';
import { E2E_VARIABLES } from './environment';

declare global {
  var deskpilotE2eTeardown: (() => Promise<void>) | undefined;
}

/**
 * Starts Deskpilot once for the whole run: the embedded mode (every service in one process,
 * PGlite, local S3) on a fresh data directory, with its bus on a throw-away RabbitMQ virtual
 * host so a spec can put a broken message on it, and a known administrator.
 */
export default async function globalSetup(): Promise<void> {
  const vhost = await createTestVhost();
  const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-console-e2e-'));
  const admin = {
    email: 'admin@console-e2e.test',
    password: `Adm-${randomBytes(12).toString('base64url')}`,
  };
  const jwtSecret = randomBytes(32).toString('base64url');
  const dispose = async (): Promise<void> => {
    await rm(dataDir, { recursive: true, force: true });
    await vhost.dispose();
  };

  let system: Awaited<ReturnType<typeof startEmbeddedProcess>>;
  try {
    system = await startEmbeddedProcess(
      {
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: '',
        AMQP_URL: vhost.value,
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        JWT_SECRET: jwtSecret,
        // The knowledge specs' help centre runs on this host.
        WEB_IMPORT_ALLOW_INTERNAL: 'true',
        // Every spec asks as the one administrator; the limit has its own integration test.
        CHAT_MESSAGES_PER_MINUTE: '1000',
        LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      },
      90_000,
    );
  } catch (error) {
    await dispose();
    throw error;
  }
  await waitFor(
    async () => (await fetch(`${system.url}/api/health`).catch(() => undefined))?.ok === true,
    { timeoutMs: 30_000, message: 'Deskpilot did not report every service ready' },
  );

  // One sign-in for every spec's preparations: password hashing is deliberately slow.
  const signIn = await fetch(`${system.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (!signIn.ok) {
    await system.stop();
    await dispose();
    throw new Error(`The administrator could not sign in: ${signIn.status} ${await signIn.text()}`);
  }
  const { accessToken } = (await signIn.json()) as { accessToken: string };

  process.env[E2E_VARIABLES.adminToken] = accessToken;
  process.env[E2E_VARIABLES.url] = system.url;
  process.env[E2E_VARIABLES.adminEmail] = admin.email;
  process.env[E2E_VARIABLES.adminPassword] = admin.password;
  process.env[E2E_VARIABLES.amqpUrl] = vhost.value;
  process.env[E2E_VARIABLES.jwtSecret] = jwtSecret;
  globalThis.deskpilotE2eTeardown = async () => {
    await system.stop();
    await dispose();
  };
}
