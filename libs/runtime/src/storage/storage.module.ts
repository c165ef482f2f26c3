import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Module } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import type { ObjectStoreConfig } from '@deskpilot/storage';
import { ObjectStore } from '@deskpilot/storage';

import { HealthRegistry } from '../health/health-registry';
import { LOGGER } from '../tokens';

/** The service's S3 bucket, checked at start and in readiness probes. */
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(ObjectStore) private readonly store: ObjectStore) {}

  /**
   * A store that is unreachable at start does not stop the service: readiness reports it and
   * operations that need it fail with a clear error until it returns.
   */
  static forService(config: ObjectStoreConfig, createBucket: boolean): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      providers: [
        {
          provide: ObjectStore,
          inject: [HealthRegistry, LOGGER],
          useFactory: async (health: HealthRegistry, logger: Logger) => {
            const store = new ObjectStore(config);
            if (createBucket) {
              await store.ensureBucket().catch((error: unknown) => {
                logger.error(
                  { err: String(error), bucket: store.bucket },
                  'Object storage unreachable',
                );
              });
            }
            health.register({
              name: 'storage',
              check: async () => {
                await store.ping();
                return { status: 'up', detail: store.bucket };
              },
            });
            return store;
          },
        },
      ],
      exports: [ObjectStore],
    };
  }

  onApplicationShutdown(): void {
    this.store.close();
  }
}
