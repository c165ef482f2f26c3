import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import type { Logger } from '@deskpilot/observability';

const DAY_MS = 24 * 60 * 60 * 1000;
const EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes records older than a retention period, at start and every hour on every replica (what
 * one replica deletes, another does not find), in batches so that a first pass over a long table
 * holds no long locks. A period of 0 days keeps everything and runs nothing.
 */
export abstract class RetentionTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  /** What is deleted, for the log ("conversations", "audit entries"). */
  protected abstract readonly records: string;
  /** Records deleted per statement. */
  protected abstract readonly batch: number;

  protected constructor(
    private readonly days: number,
    protected readonly logger: Logger,
  ) {}

  /** Deletes up to `limit` records older than `cutoff`; resolves how many went. */
  protected abstract deleteBefore(cutoff: Date, limit: number): Promise<number>;

  onApplicationBootstrap(): void {
    if (this.days === 0) {
      return;
    }
    void this.prune();
    this.timer = setInterval(() => {
      void this.prune();
    }, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes the records past the retention period; resolves how many went. */
  async prune(now = new Date()): Promise<number> {
    if (this.days === 0) {
      return 0;
    }
    const cutoff = new Date(now.getTime() - this.days * DAY_MS);
    let deleted = 0;
    try {
      for (;;) {
        const batch = await this.deleteBefore(cutoff, this.batch);
        deleted += batch;
        if (batch < this.batch) {
          break;
        }
      }
    } catch (error) {
      this.logger.warn({ err: String(error) }, `Deleting old ${this.records} failed; will retry`);
    }
    if (deleted > 0) {
      this.logger.info({ deleted, before: cutoff.toISOString() }, `Old ${this.records} deleted`);
    }
    return deleted;
  }
}

/** A table whose rows age by one timestamp column, as `"schema"."table"` and `"column"` parts. */
export interface AgingTable {
  readonly schema: string;
  readonly table: string;
  /** The timestamp that says how old a row is. */
  readonly column: string;
  /** The primary key column; `id` when not given. */
  readonly key?: string;
}

/**
 * Deletes up to `limit` of the oldest rows from before `cutoff` (rows another replica is
 * deleting at the moment are skipped), with whatever cascades from them; resolves how many went.
 */
export async function deleteOldestRows(
  dataSource: DataSource,
  { schema, table, column, key = 'id' }: AgingTable,
  cutoff: Date,
  limit: number,
): Promise<number> {
  const name = `"${schema}"."${table}"`;
  const rows: { deleted: number }[] = await dataSource.query(
    `WITH "gone" AS (
       DELETE FROM ${name} WHERE "${key}" IN (
         SELECT "${key}" FROM ${name} WHERE "${column}" < $1
         ORDER BY "${column}" LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING "${key}"
     )
     SELECT count(*)::int AS "deleted" FROM "gone"`,
    [cutoff, limit],
  );
  return rows[0]?.deleted ?? 0;
}
