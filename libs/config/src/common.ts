import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

import type { LogLevel } from '@deskpilot/observability';

import type { Environment } from './read-config';
import { readEnvironment } from './read-config';
import { env } from './variables';

/** Variables every service reads. */
export const commonEnvironment = z.object({
  LOG_LEVEL: env.logLevel(),
  DATA_DIR: env.string(),
  DATABASE_URL: env.url(['postgres', 'postgresql']),
  AMQP_URL: env.url(['amqp', 'amqps']),
  DB_MIGRATIONS: env.bool(),
  INSTANCE_ID: env.string(),
  BUS_PREFETCH: env.int(1, 1000),
  BUS_MAX_ATTEMPTS: env.int(1, 50),
});

export interface CommonConfig {
  readonly logLevel: LogLevel;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly amqpUrl: string | undefined;
  /** Whether this process applies its service's migrations at start. */
  readonly runMigrations: boolean;
  readonly instanceId: string;
  readonly bus: { readonly prefetch: number; readonly maxAttempts: number };
}

export function readCommonConfig(environment: Environment): CommonConfig {
  const vars = readEnvironment(commonEnvironment, environment);
  return {
    logLevel: vars.LOG_LEVEL ?? 'info',
    dataDir: resolve(vars.DATA_DIR ?? '.data'),
    databaseUrl: vars.DATABASE_URL,
    amqpUrl: vars.AMQP_URL,
    runMigrations: vars.DB_MIGRATIONS ?? true,
    instanceId: vars.INSTANCE_ID ?? `${hostname()}-${randomUUID().slice(0, 8)}`,
    bus: { prefetch: vars.BUS_PREFETCH ?? 16, maxAttempts: vars.BUS_MAX_ATTEMPTS ?? 5 },
  };
}
