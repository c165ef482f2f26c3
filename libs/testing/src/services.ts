import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** PostgreSQL and RabbitMQ of the machine (CI provides both). */
export const LOCAL_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const LOCAL_AMQP_URL = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

export interface Disposable<T> {
  readonly value: T;
  dispose(): Promise<void>;
}

function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** A throw-away database on the local PostgreSQL; dropped on dispose. */
export async function createTestDatabase(): Promise<Disposable<string>> {
  const name = uniqueName('deskpilot_test');
  const admin = new Client({ connectionString: LOCAL_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(LOCAL_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    value: url.toString(),
    dispose: async () => {
      const client = new Client({ connectionString: LOCAL_POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A throw-away RabbitMQ virtual host, so tests never see each other's queues. */
export async function createTestVhost(): Promise<Disposable<string>> {
  const vhost = uniqueName('deskpilot-test');
  await run('rabbitmqctl', ['-q', 'add_vhost', vhost]);
  await run('rabbitmqctl', ['-q', 'set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*']);
  const url = new URL(LOCAL_AMQP_URL);
  url.pathname = `/${encodeURIComponent(vhost)}`;
  return {
    value: url.toString(),
    dispose: async () => {
      await run('rabbitmqctl', ['-q', 'delete_vhost', vhost]);
    },
  };
}

/** Drops every client connection to one virtual host, as a broker restart would. */
export async function closeVhostConnections(amqpUrl: string): Promise<void> {
  const vhost = decodeURIComponent(new URL(amqpUrl).pathname.slice(1));
  await run('rabbitmqctl', [
    '-q',
    'close_all_connections',
    '--vhost',
    vhost,
    'test: simulated outage',
  ]);
}
