import type { DataSource } from 'typeorm';

import type { Logger } from '@deskpilot/observability';

/**
 * Applies the service's pending migrations. A PostgreSQL advisory lock keyed by the schema makes
 * this safe when several replicas start at once: one applies, the others wait and find nothing
 * left to do.
 */
export async function migrateSchema(
  dataSource: DataSource,
  schema: string,
  logger: Logger,
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`deskpilot:migrate:${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      const names = applied.map((migration) => migration.name);
      if (names.length > 0) {
        logger.info({ schema, migrations: names }, 'Applied migrations');
      }
      return names;
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [
        `deskpilot:migrate:${schema}`,
      ]);
    }
  } finally {
    await runner.release();
  }
}

/** Whether the code knows migrations the database has not applied yet. */
export async function hasPendingMigrations(dataSource: DataSource): Promise<boolean> {
  return dataSource.showMigrations();
}
