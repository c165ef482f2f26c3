import { createHash } from 'node:crypto';
import { z } from 'zod';

import type { CommonConfig, Environment } from '@deskpilot/config';
import {
  ConfigError,
  commonConfig,
  commonEnvironment,
  env,
  readEnvironment,
} from '@deskpilot/config';

const timeZone = () =>
  env.string().transform((value, ctx) => {
    if (value === undefined) {
      return undefined;
    }
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return value;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `must be an IANA time zone such as Europe/Berlin (got "${value}")`,
      });
      return z.NEVER;
    }
  });

const whmcsSyncEnvironment = commonEnvironment.extend({
  PORT: env.port(),
  WHMCS_URL: env.url(['http', 'https']),
  WHMCS_IDENTIFIER: env.string(),
  WHMCS_SECRET: env.string(),
  WHMCS_ACCESS_KEY: env.string(),
  WHMCS_ADMIN_USERNAME: env.string(),
  WHMCS_REPLY_AUTHOR: env.oneOf(['integration', 'approver'] as const),
  WHMCS_REPLY_SIGNATURE: env.string(),
  WHMCS_POLL_SECONDS: env.int(1, 3600),
  WHMCS_FULL_SYNC_SECONDS: env.int(10, 86_400),
  WHMCS_TIMEZONE: timeZone(),
  WHMCS_TIMEOUT_SECONDS: env.int(1, 300),
  WHMCS_DRAFT_WAIT_SECONDS: env.int(5, 86_400),
  WHMCS_CONCURRENCY: env.int(1, 16),
  WHMCS_RETENTION_DAYS: env.int(0, 36_500),
  WHMCS_DRAFT_NOTES: env.bool(),
  WHMCS_DRAFT_DEPARTMENTS: env.string(),
});

/** The WHMCS connection: where, with which credential, and how patiently. */
export interface WhmcsConnectionConfig {
  /** Root of the WHMCS install, without `/includes/api.php`. */
  readonly url: string;
  readonly identifier: string;
  readonly secret: string;
  readonly accessKey: string | undefined;
  readonly timeoutMs: number;
  /** PHP timezone of the WHMCS server: its dates carry no zone. */
  readonly timeZone: string;
}

export interface WhmcsSyncConfig {
  readonly common: CommonConfig;
  readonly port: number;
  readonly whmcs: WhmcsConnectionConfig;
  /** `adminusername` of posted replies; unset means the API credential's admin. */
  readonly adminUsername: string | undefined;
  /**
   * Who a posted reply is from: `integration`, the admin above for every reply; `approver`, the
   * WHMCS admin with the approving person's email, with their WHMCS signature (the admin above
   * when WHMCS has no such admin).
   */
  readonly replyAuthor: 'integration' | 'approver';
  /**
   * Put below replies from the integration's author (a team signature), since the API adds no
   * signature; approvers with their own WHMCS admin sign with theirs.
   */
  readonly replySignature: string | undefined;
  readonly pollSeconds: number;
  /** How often every awaiting ticket is re-read, changed or not. */
  readonly fullSyncSeconds: number;
  /** How long a draft may stay pending before it is requested again. */
  readonly draftWaitSeconds: number;
  /** Whether a draft request carries the ticket's private staff notes, for context. */
  readonly draftWithNotes: boolean;
  /**
   * The departments whose tickets get drafts, as lower-case names or ids; undefined drafts for
   * every department. Tickets of the others are mirrored and listed, without a draft.
   */
  readonly draftDepartments: readonly string[] | undefined;
  /** Tickets a poll reads and drafts at once, so at most this many WHMCS calls at a time. */
  readonly concurrency: number;
  /**
   * Days a ticket that no longer awaits a reply is kept after its last change, with its thread,
   * drafts and sent replies; 0 keeps everything.
   */
  readonly retentionDays: number;
  /** Identifies the WHMCS URL and credential without revealing them (for the 403 alert). */
  readonly fingerprint: string;
}

export const WHMCS_SYNC_CONFIG = Symbol('WHMCS_SYNC_CONFIG');

const REQUIRED_REASON =
  'to reach WHMCS (npm start runs a built-in WHMCS simulator when it is unset)';

/** WHMCS adds `/includes/api.php` itself; a URL that already has it would get it twice. */
function installRoot(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/includes\/api\.php$/i, '');
}

/** One line in an environment file: `\n` stands for a line break. */
function signature(value: string | undefined): string | undefined {
  const text = value?.replace(/\\n/g, '\n').trim();
  return text === '' ? undefined : text;
}

/** Comma-separated department names or ids, compared without case. */
function departments(value: string | undefined): string[] | undefined {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  return names.length === 0 ? undefined : names;
}

export function loadWhmcsSyncConfig(environment: Environment): WhmcsSyncConfig {
  const vars = readEnvironment(whmcsSyncEnvironment, environment);
  const { WHMCS_URL: rawUrl, WHMCS_IDENTIFIER: identifier, WHMCS_SECRET: secret } = vars;
  if (rawUrl === undefined || identifier === undefined || secret === undefined) {
    const missing = Object.entries({
      WHMCS_URL: rawUrl,
      WHMCS_IDENTIFIER: identifier,
      WHMCS_SECRET: secret,
    })
      .filter(([, value]) => value === undefined)
      .map(([variable]) => ({ variable, message: `is required ${REQUIRED_REASON}` }));
    throw new ConfigError(missing);
  }
  const url = installRoot(rawUrl);
  const pollSeconds = vars.WHMCS_POLL_SECONDS ?? 30;
  const timeoutMs = (vars.WHMCS_TIMEOUT_SECONDS ?? 30) * 1000;
  return {
    common: commonConfig(vars),
    port: vars.PORT ?? 3004,
    whmcs: {
      url,
      identifier,
      secret,
      accessKey: vars.WHMCS_ACCESS_KEY,
      timeoutMs,
      timeZone: vars.WHMCS_TIMEZONE ?? 'UTC',
    },
    adminUsername: vars.WHMCS_ADMIN_USERNAME,
    replyAuthor: vars.WHMCS_REPLY_AUTHOR ?? 'integration',
    replySignature: signature(vars.WHMCS_REPLY_SIGNATURE),
    pollSeconds,
    fullSyncSeconds: vars.WHMCS_FULL_SYNC_SECONDS ?? Math.max(600, pollSeconds * 10),
    draftWaitSeconds: vars.WHMCS_DRAFT_WAIT_SECONDS ?? 600,
    draftWithNotes: vars.WHMCS_DRAFT_NOTES ?? true,
    draftDepartments: departments(vars.WHMCS_DRAFT_DEPARTMENTS),
    concurrency: vars.WHMCS_CONCURRENCY ?? 1,
    retentionDays: vars.WHMCS_RETENTION_DAYS ?? 0,
    fingerprint: createHash('sha256')
      .update([url, identifier, secret, vars.WHMCS_ACCESS_KEY ?? ''].join('\n'))
      .digest('hex')
      .slice(0, 16),
  };
}
