import type { DataSourceOptions } from 'typeorm';
import { DataSource } from 'typeorm';

export interface ServiceDatabaseOptions {
  readonly url: string;
  /** The service's own PostgreSQL schema; no service reads another's. */
  readonly schema: string;
  readonly entities: NonNullable<DataSourceOptions['entities']>;
  readonly migrations: NonNullable<DataSourceOptions['migrations']>;
  readonly poolSize?: number;
  readonly applicationName: string;
}

/** A TypeORM data source bound to one service schema. Migrations only, never `synchronize`. */
export function createServiceDataSource(options: ServiceDatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    applicationName: options.applicationName,
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      // Search within the service schema first, then public for extensions.
      options: `-c search_path=${options.schema},public`,
    },
  });
}
