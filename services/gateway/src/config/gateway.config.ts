import { join } from 'node:path';

import type { CommonConfig, Environment, S3Config } from '@deskpilot/config';
import {
  ConfigError,
  commonConfig,
  commonEnvironment,
  env,
  readEnvironment,
  s3Config,
  s3Environment,
} from '@deskpilot/config';

import { passwordProblems } from '../passwords/password-policy';

/** Embedded: started by the launcher with the other services; standalone: its own process. */
export type GatewayMode = 'embedded' | 'standalone';

export const MIN_JWT_SECRET_LENGTH = 32;

const gatewayEnvironment = commonEnvironment.extend(s3Environment.shape).extend({
  PORT: env.port(),
  HOST: env.string(),
  JWT_SECRET: env
    .string()
    .refine(
      (value) => value === undefined || value.length >= MIN_JWT_SECRET_LENGTH,
      `must be at least ${MIN_JWT_SECRET_LENGTH} characters`,
    ),
  ADMIN_EMAIL: env.email(),
  ADMIN_PASSWORD: env.string(),
  CORS_ORIGINS: env.string(),
  CONSOLE_DIR: env.string(),
  UPLOAD_MAX_MB: env.number(0.001, 2_048),
  WEB_IMPORT_ALLOW_INTERNAL: env.bool(),
  WEB_IMPORT_TIMEOUT_SECONDS: env.int(1, 600),
  WEB_IMPORT_REFRESH_HOURS: env.number(0, 8_760),
  CHAT_MESSAGES_PER_MINUTE: env.int(1, 10_000),
  CHAT_RETENTION_DAYS: env.int(0, 36_500),
  AUDIT_RETENTION_DAYS: env.int(0, 36_500),
});

export interface GatewayConfig {
  readonly mode: GatewayMode;
  readonly common: CommonConfig;
  readonly port: number;
  readonly host: string;
  readonly s3: S3Config;
  /** Signs access tokens (HS256). Unset only in the embedded mode, which keeps one in DATA_DIR. */
  readonly jwtSecret: string | undefined;
  /** The administrator to create at start if no account has this email yet. */
  readonly admin: { readonly email: string; readonly password: string } | undefined;
  /** Browser origins allowed to call the API from elsewhere; the console itself is same-origin. */
  readonly corsOrigins: readonly string[];
  /** The built Angular console that the gateway serves. */
  readonly consoleDir: string;
  /** The largest file accepted by a knowledge-base upload, in bytes. */
  readonly uploadMaxBytes: number;
  /** Fetching pages into the knowledge base from the web. */
  readonly webImport: {
    /** Whether addresses on this host and private networks may be fetched (an intranet wiki). */
    readonly allowInternal: boolean;
    /** For one page, redirects included. */
    readonly timeoutMs: number;
    /** How long after its last fetch a web document is fetched again by itself; 0 never. */
    readonly refreshMs: number;
  };
  /** Questions one person may send to chat per minute, across all of their conversations. */
  readonly chatMessagesPerMinute: number;
  /** Days a conversation is kept after its last question; older ones are deleted. 0 keeps all. */
  readonly chatRetentionDays: number;
  /** Days an audit entry is kept; older ones are deleted. 0 keeps all. */
  readonly auditRetentionDays: number;
}

export function loadGatewayConfig(
  environment: Environment,
  mode: GatewayMode = 'standalone',
): GatewayConfig {
  const vars = readEnvironment(gatewayEnvironment, environment);
  const problems: { variable: string; message: string }[] = [];
  if (mode === 'standalone' && vars.JWT_SECRET === undefined) {
    problems.push({
      variable: 'JWT_SECRET',
      message: `is required when the gateway runs in its own process (at least ${MIN_JWT_SECRET_LENGTH} random characters, the same on every replica)`,
    });
  }
  if (vars.ADMIN_EMAIL !== undefined && vars.ADMIN_PASSWORD === undefined) {
    problems.push({ variable: 'ADMIN_PASSWORD', message: 'is required with ADMIN_EMAIL' });
  }
  if (vars.ADMIN_PASSWORD !== undefined && vars.ADMIN_EMAIL === undefined) {
    problems.push({ variable: 'ADMIN_EMAIL', message: 'is required with ADMIN_PASSWORD' });
  }
  if (vars.ADMIN_PASSWORD !== undefined) {
    for (const problem of passwordProblems(vars.ADMIN_PASSWORD, { email: vars.ADMIN_EMAIL })) {
      problems.push({ variable: 'ADMIN_PASSWORD', message: problem });
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return {
    mode,
    common: commonConfig(vars),
    port: vars.PORT ?? 3000,
    host: vars.HOST ?? '0.0.0.0',
    s3: s3Config(vars),
    jwtSecret: vars.JWT_SECRET,
    admin:
      vars.ADMIN_EMAIL === undefined || vars.ADMIN_PASSWORD === undefined
        ? undefined
        : { email: vars.ADMIN_EMAIL, password: vars.ADMIN_PASSWORD },
    corsOrigins: (vars.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0),
    consoleDir:
      vars.CONSOLE_DIR ?? join(__dirname, '..', '..', '..', '..', 'frontend', 'dist', 'browser'),
    uploadMaxBytes: Math.round((vars.UPLOAD_MAX_MB ?? 50) * 1_048_576),
    webImport: {
      allowInternal: vars.WEB_IMPORT_ALLOW_INTERNAL ?? false,
      timeoutMs: (vars.WEB_IMPORT_TIMEOUT_SECONDS ?? 30) * 1_000,
      refreshMs: Math.round((vars.WEB_IMPORT_REFRESH_HOURS ?? 24) * 3_600_000),
    },
    chatMessagesPerMinute: vars.CHAT_MESSAGES_PER_MINUTE ?? 20,
    chatRetentionDays: vars.CHAT_RETENTION_DAYS ?? 0,
    auditRetentionDays: vars.AUDIT_RETENTION_DAYS ?? 0,
  };
}
