import { Client } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';

import type { Disposable } from '@deskpilot/testing';
import { createTestDatabase } from '@deskpilot/testing';

import type { MigrationTarget } from '../../src/bootstrap/migrate-only';
import { migrateOnly } from '../../src/bootstrap/migrate-only';

class CreateNotes1700000000000 implements MigrationInterface {
  name = 'CreateNotes1700000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE "notes"."note" (id serial PRIMARY KEY, text text NOT NULL)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "notes"."note"');
  }
}

const target: MigrationTarget = {
  service: 'notes',
  schema: 'notes',
  entities: [],
  migrations: [CreateNotes1700000000000],
};

describe(migrateOnly.name, () => {
  let database: Disposable<string>;

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await database.dispose();
  });

  it('should apply pending migrations once when run as the deployment migration step', async () => {
    const env = { DATABASE_URL: database.value, LOG_LEVEL: 'silent' };

    const first = await migrateOnly(target, env);
    const second = await migrateOnly(target, env);

    expect(first).toEqual(['CreateNotes1700000000000']);
    expect(second).toEqual([]);
    const client = new Client({ connectionString: database.value });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM notes.note');
      expect(rows).toEqual([{ n: '0' }]);
    } finally {
      await client.end();
    }
  });
});
