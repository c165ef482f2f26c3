import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MigrationInterface, QueryRunner } from 'typeorm';

import { createLogger } from '@deskpilot/observability';

import { connectWithRetry } from './connect';
import { createServiceDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';
import type { EmbeddedPostgres } from './embedded-postgres';
import { migrateSchema } from './migrate';

const logger = createLogger({ service: 'test', instanceId: 'test', level: 'silent' });

class CreateNotes1700000000000 implements MigrationInterface {
  name = 'CreateNotes1700000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE "notes"."note" (id serial PRIMARY KEY, text text NOT NULL)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "notes"."note"');
  }
}

function notesDataSource(url: string) {
  return createServiceDataSource({
    url,
    schema: 'notes',
    entities: [],
    migrations: [CreateNotes1700000000000],
    applicationName: 'test',
    poolSize: 4,
  });
}

describe(startEmbeddedPostgres.name, () => {
  let dir: string;
  let postgres: EmbeddedPostgres;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'embedded-pg-'));
    postgres = await startEmbeddedPostgres(dir, logger);
  });

  afterAll(async () => {
    await postgres.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('should apply a service schema migrations once through the regular driver', async () => {
    const sut = notesDataSource(postgres.url);
    await connectWithRetry(sut, postgres.url, { logger });

    const first = await migrateSchema(sut, 'notes', logger);
    const second = await migrateSchema(sut, 'notes', logger);

    expect(first).toEqual(['CreateNotes1700000000000']);
    expect(second).toEqual([]);
    await sut.destroy();
  });

  it('should keep other connections out of an open transaction until it ends', async () => {
    const sut = notesDataSource(postgres.url);
    await connectWithRetry(sut, postgres.url, { logger });
    await sut.query('DELETE FROM "notes"."note"');
    await Promise.all([1, 2, 3, 4].map(() => sut.query('SELECT 1')));
    const writer = sut.createQueryRunner();
    await writer.connect();

    await writer.startTransaction();
    await writer.query(`INSERT INTO "notes"."note" (text) VALUES ('rolled back')`);
    const otherWrite = sut.query(`INSERT INTO "notes"."note" (text) VALUES ('autocommit')`);
    const otherRead = sut.query(
      `SELECT count(*)::int AS n FROM "notes"."note" WHERE text = 'rolled back'`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writer.rollbackTransaction();
    await otherWrite;

    expect(await otherRead).toEqual([{ n: 0 }]);
    expect(await sut.query('SELECT text FROM "notes"."note" ORDER BY id')).toEqual([
      { text: 'autocommit' },
    ]);
    await writer.release();
    await sut.destroy();
  });

  it('should run parameterised statements of many connections at once without mixing them', async () => {
    const sut = notesDataSource(postgres.url);
    await connectWithRetry(sut, postgres.url, { logger });
    await sut.query('DELETE FROM "notes"."note"');

    const sums = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const [row] = await sut.query<{ sum: number; tag: string }[]>(
          'SELECT $1::int + $2::int AS sum, $3::text AS tag',
          [i, 1000, `t${i}`],
        );
        await sut.query('INSERT INTO "notes"."note" (text) VALUES ($1)', [`n${i}`]);
        return row;
      }),
    );

    expect(sums).toEqual(Array.from({ length: 200 }, (_, i) => ({ sum: i + 1000, tag: `t${i}` })));
    expect(await sut.query('SELECT count(*)::int AS n FROM "notes"."note"')).toEqual([{ n: 200 }]);
    await sut.destroy();
  });

  it('should roll back the transaction of a connection that goes away', async () => {
    const sut = notesDataSource(postgres.url);
    await connectWithRetry(sut, postgres.url, { logger });
    await sut.query('DELETE FROM "notes"."note"');
    const leaver = notesDataSource(postgres.url);
    await connectWithRetry(leaver, postgres.url, { logger });
    const runner = leaver.createQueryRunner();
    await runner.connect();

    await runner.startTransaction();
    await runner.query(`INSERT INTO "notes"."note" (text) VALUES ('abandoned')`);
    await leaver.destroy();

    expect(await sut.query('SELECT count(*)::int AS n FROM "notes"."note"')).toEqual([{ n: 0 }]);
    await sut.query(`INSERT INTO "notes"."note" (text) VALUES ('after')`);
    expect(await sut.query('SELECT text FROM "notes"."note"')).toEqual([{ text: 'after' }]);
    await sut.destroy();
  });

  it('should keep the data when the data directory is opened again', async () => {
    const sut = notesDataSource(postgres.url);
    await connectWithRetry(sut, postgres.url, { logger });
    await sut.query(`INSERT INTO "notes"."note" (text) VALUES ('durable')`);
    await sut.destroy();
    await postgres.close();

    postgres = await startEmbeddedPostgres(dir, logger);
    const reopened = notesDataSource(postgres.url);
    await connectWithRetry(reopened, postgres.url, { logger });

    const rows: { text: string }[] = await reopened.query(
      `SELECT text FROM "notes"."note" WHERE text = 'durable'`,
    );
    expect(rows).toEqual([{ text: 'durable' }]);
    await reopened.destroy();
  });
});

describe(connectWithRetry.name, () => {
  it('should give up after the timeout with the address in the message', async () => {
    const url = 'postgres://postgres@127.0.0.1:1/nowhere';
    const sut = notesDataSource(url);

    const connecting = connectWithRetry(sut, url, { logger, timeoutMs: 300, maxDelayMs: 100 });

    await expect(connecting).rejects.toThrow('PostgreSQL at 127.0.0.1:1/nowhere is unreachable');
  });
});
