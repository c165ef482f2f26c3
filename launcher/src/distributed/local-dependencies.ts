import { Client } from 'pg';

import type { Logger } from '@deskpilot/observability';
import { describeDatabase } from '@deskpilot/persistence';

const CONNECT_TIMEOUT_MS = 30_000;

/**
 * Creates the database named in `url` if it does not exist yet, connecting to the server's
 * `postgres` database to do so. Waits for the server while it is still starting.
 */
export async function ensureDatabase(url: string, logger: Logger): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (name === '' || name === 'postgres') {
    return;
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = await connect(admin.toString(), logger);
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      logger.info({ database: describeDatabase(url) }, 'Created the database');
    }
  } finally {
    await client.end();
  }
}

async function connect(url: string, logger: Logger): Promise<Client> {
  const deadline = Date.now() + CONNECT_TIMEOUT_MS;
  for (;;) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      const message = error instanceof Error ? error.message : String(error);
      if (Date.now() > deadline) {
        throw new Error(`PostgreSQL at ${describeDatabase(url)} is unreachable: ${message}`, {
          cause: error,
        });
      }
      logger.warn({ database: describeDatabase(url), err: message }, 'Waiting for PostgreSQL');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
