import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface WindowCount {
  readonly hits: number;
  readonly windowEndsAt: Date;
}

/**
 * Fixed-window counters in PostgreSQL, shared by every gateway replica. One statement per hit:
 * it starts a new window when the last one has ended.
 */
@Injectable()
export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const rows: { hits: number; window_ends_at: Date }[] = await this.dataSource.query(
      `INSERT INTO "gateway"."rate_limit_counters" AS c ("key", "hits", "window_ends_at")
       VALUES ($1, 1, clock_timestamp() + $2 * interval '1 millisecond')
       ON CONFLICT ("key") DO UPDATE SET
         "hits" = CASE WHEN c."window_ends_at" <= clock_timestamp() THEN 1 ELSE c."hits" + 1 END,
         "window_ends_at" = CASE WHEN c."window_ends_at" <= clock_timestamp()
           THEN EXCLUDED."window_ends_at" ELSE c."window_ends_at" END
       RETURNING "hits", "window_ends_at"`,
      [key, windowMs],
    );
    const row = rows[0];
    if (row === undefined) {
      throw new Error('Rate limit counter upsert returned no row');
    }
    return { hits: row.hits, windowEndsAt: new Date(row.window_ends_at) };
  }

  async refund(key: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "gateway"."rate_limit_counters" SET "hits" = GREATEST("hits" - 1, 0) WHERE "key" = $1`,
      [key],
    );
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM "gateway"."rate_limit_counters" WHERE "key" = $1`, [
      key,
    ]);
  }

  async deleteExpired(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM "gateway"."rate_limit_counters" WHERE "window_ends_at" <= clock_timestamp()`,
    );
  }
}
