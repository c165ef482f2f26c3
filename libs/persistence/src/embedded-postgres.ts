import { PGlite } from '@electric-sql/pglite';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { Logger } from '@deskpilot/observability';

import { PgliteWireServer } from './pglite-wire-server';

export interface EmbeddedPostgres {
  /** A normal PostgreSQL URL: every service connects with the regular `pg` driver. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * PostgreSQL in WebAssembly (PGlite), persisted under the data directory and served on a local
 * port over the PostgreSQL wire protocol, so the embedded mode runs the same driver, SQL and
 * migrations as production. PGlite is one session: the wire server runs one protocol exchange
 * at a time and gives an open transaction to its connection alone.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  logger: Logger,
): Promise<EmbeddedPostgres> {
  const directory = join(dataDir, 'postgres');
  await mkdir(directory, { recursive: true });
  const started = Date.now();
  const db = await PGlite.create({ dataDir: directory });
  const server = new PgliteWireServer(db);
  const address = await server.listen('127.0.0.1', 0);
  logger.info(
    { directory, address, ms: Date.now() - started },
    'Embedded PostgreSQL (PGlite) ready',
  );
  return {
    url: `postgres://postgres@${address}/postgres`,
    close: async () => {
      await server.close();
      await db.close();
    },
  };
}
