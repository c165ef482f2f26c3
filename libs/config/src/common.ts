import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

import type { LogLevel } from '@deskpilot/observability';

import { ConfigError } from './config-error';
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
  /** `prefetch` unset means the service's own default (how much of its work is waiting). */
  readonly bus: { readonly prefetch: number | undefined; readonly maxAttempts: number };
}

export function commonConfig(vars: z.infer<typeof commonEnvironment>): CommonConfig {
  return {
    logLevel: vars.LOG_LEVEL ?? 'info',
    dataDir: resolve(vars.DATA_DIR ?? '.data'),
    databaseUrl: vars.DATABASE_URL,
    amqpUrl: vars.AMQP_URL,
    runMigrations: vars.DB_MIGRATIONS ?? true,
    instanceId: vars.INSTANCE_ID ?? `${hostname()}-${randomUUID().slice(0, 8)}`,
    bus: { prefetch: vars.BUS_PREFETCH, maxAttempts: vars.BUS_MAX_ATTEMPTS ?? 5 },
  };
}

/** Object storage variables (Hetzner Object Storage or any S3-compatible store). */
export const s3Environment = z.object({
  S3_ENDPOINT: env.url(['http', 'https']),
  S3_REGION: env.string(),
  S3_BUCKET: env.string(),
  S3_ACCESS_KEY_ID: env.string(),
  S3_SECRET_ACCESS_KEY: env.string(),
});

export interface S3Config {
  readonly endpoint: string | undefined;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string | undefined;
  readonly secretAccessKey: string | undefined;
}

export function s3Config(vars: z.infer<typeof s3Environment>): S3Config {
  return {
    endpoint: vars.S3_ENDPOINT,
    region: vars.S3_REGION ?? 'us-east-1',
    bucket: vars.S3_BUCKET ?? 'deskpilot',
    accessKeyId: vars.S3_ACCESS_KEY_ID,
    secretAccessKey: vars.S3_SECRET_ACCESS_KEY,
  };
}

/** A variable the service cannot run without in this mode. */
export function required<T>(value: T | undefined, variable: string, why: string): T {
  if (value === undefined) {
    throw new ConfigError([{ variable, message: `is required ${why}` }]);
  }
  return value;
}
