import type { DataSource } from 'typeorm';

import type { Logger } from '@deskpilot/observability';

export interface ConnectOptions {
  readonly logger: Logger;
  /** Give up after this long (undefined: keep trying). */
  readonly timeoutMs?: number;
  readonly maxDelayMs?: number;
}

/** Where a database URL points, without credentials, for log lines. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * Connects, retrying with backoff while PostgreSQL is unreachable, so a service started before
 * its database waits for it instead of crashing in a restart loop.
 */
export async function connectWithRetry(
  dataSource: DataSource,
  url: string,
  options: ConnectOptions,
): Promise<void> {
  const started = Date.now();
  let delay = 250;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await dataSource.initialize();
      if (attempt > 1) {
        options.logger.info({ database: describeDatabase(url) }, 'Connected to PostgreSQL');
      }
      return;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs) {
        throw new Error(`PostgreSQL at ${describeDatabase(url)} is unreachable: ${message}`, {
          cause: error,
        });
      }
      options.logger.error(
        { database: describeDatabase(url), attempt, retryInMs: delay, err: message },
        'PostgreSQL is unreachable; retrying',
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, options.maxDelayMs ?? 10_000);
    }
  }
}
