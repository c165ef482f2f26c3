import type { DataSourceOptions } from 'typeorm';

import type { Environment } from '@deskpilot/config';
import { commonConfig, commonEnvironment, readEnvironment, required } from '@deskpilot/config';
import { createLogger } from '@deskpilot/observability';
import { connectWithRetry, createServiceDataSource, migrateSchema } from '@deskpilot/persistence';

export interface MigrationTarget {
  readonly service: string;
  readonly schema: string;
  readonly entities: NonNullable<DataSourceOptions['entities']>;
  readonly migrations: NonNullable<DataSourceOptions['migrations']>;
}

/**
 * Applies one service's migrations and exits: the single migration runner of a deployment
 * (a Kubernetes Job, a compose one-shot, or `npm run db:migrate`).
 */
export async function migrateOnly(target: MigrationTarget, env: Environment): Promise<string[]> {
  const common = commonConfig(readEnvironment(commonEnvironment, env));
  const logger = createLogger({
    service: target.service,
    instanceId: common.instanceId,
    level: common.logLevel,
  });
  const url = required(common.databaseUrl, 'DATABASE_URL', 'to run migrations');
  const dataSource = createServiceDataSource({
    url,
    schema: target.schema,
    entities: target.entities,
    migrations: target.migrations,
    applicationName: `${target.service}-migrate`,
    // migrateSchema holds one connection for its advisory lock while TypeORM migrates on another.
    poolSize: 2,
  });
  await connectWithRetry(dataSource, url, { logger, timeoutMs: 60_000 });
  try {
    return await migrateSchema(dataSource, target.schema, logger);
  } finally {
    await dataSource.destroy();
  }
}

/** Entry point of `db:migrate`: exit code 0 when the schema is up to date. */
export function runMigrateOnly(target: MigrationTarget): void {
  migrateOnly(target, process.env).then(
    (applied) => {
      process.stdout.write(`${target.service}: ${applied.length} migration(s) applied\n`);
    },
    (error: unknown) => {
      process.stderr.write(
        `${target.service}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
