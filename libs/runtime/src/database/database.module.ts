import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DataSourceOptions } from 'typeorm';

import type { Logger } from '@deskpilot/observability';
import { connectWithRetry, createServiceDataSource, migrateSchema } from '@deskpilot/persistence';

import { HealthRegistry } from '../health/health-registry';
import { LOGGER } from '../tokens';

export interface DatabaseModuleOptions {
  readonly url: string;
  readonly schema: string;
  readonly applicationName: string;
  readonly entities: NonNullable<DataSourceOptions['entities']>;
  readonly migrations: NonNullable<DataSourceOptions['migrations']>;
  /** Apply pending migrations at start (exactly one runner per deployment should). */
  readonly runMigrations: boolean;
  readonly poolSize?: number;
}

/**
 * The service's TypeORM connection to its own schema, connected with retries and migrated at
 * start when asked to. Repositories get the `DataSource` injected and wrap their entity's
 * repository.
 */
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forService(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        {
          provide: DataSource,
          inject: [LOGGER, HealthRegistry],
          useFactory: (logger: Logger, health: HealthRegistry) =>
            openServiceDatabase(options, logger, health),
        },
      ],
      exports: [DataSource],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
    }
  }
}

async function openServiceDatabase(
  options: DatabaseModuleOptions,
  logger: Logger,
  health: HealthRegistry,
): Promise<DataSource> {
  const dataSource = createServiceDataSource({
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    applicationName: options.applicationName,
    ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
  });
  await connectWithRetry(dataSource, options.url, { logger });
  if (options.runMigrations) {
    await migrateSchema(dataSource, options.schema, logger);
  }
  health.register({
    name: 'database',
    check: async () => {
      await dataSource.query('SELECT 1');
      return { status: 'up' };
    },
  });
  return dataSource;
}
