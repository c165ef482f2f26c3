import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { Logger } from '@deskpilot/observability';

export interface EmbeddedPostgres {
  /** A normal PostgreSQL URL: every service connects with the regular `pg` driver. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * PostgreSQL in WebAssembly (PGlite), persisted under the data directory and served on a local
 * port over the PostgreSQL wire protocol, so the embedded mode runs the same driver, SQL and
 * migrations as production. PGlite runs one statement at a time; a transaction holds it until it
 * ends.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  logger: Logger,
): Promise<EmbeddedPostgres> {
  const directory = join(dataDir, 'postgres');
  await mkdir(directory, { recursive: true });
  const started = Date.now();
  const db = await PGlite.create({ dataDir: directory });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 100 });
  await server.start();
  const address = server.getServerConn();
  logger.info(
    { directory, address, ms: Date.now() - started },
    'Embedded PostgreSQL (PGlite) ready',
  );
  return {
    url: `postgres://postgres@${address}/postgres`,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}
