import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { AnalyticsBucket } from '@deskpilot/contracts';

import { queryRows } from '../database/query-rows';

/** One bucket's aggregates as PostgreSQL returns them; `start` is null on the totals row. */
export interface DraftStatsRow {
  start: Date | string | null;
  created: number;
  approved: number;
  sent: number;
  rejected: number;
  edited: number;
  mean_edit_ratio: number | null;
}

export interface StatsWindow {
  readonly from: Date;
  readonly to: Date;
  readonly bucket: AnalyticsBucket;
  readonly timeZone: string;
}

/**
 * Every bucket of `[from, to)` (empty ones too) in the time zone's calendar, the drafts grouped
 * into them by when they were created, plus one totals row (GROUPING SETS). A draft counts as
 * rejected when a person rejected it or had it replaced by regenerating.
 */
const STATS_SQL = `
  WITH "buckets" AS (
    SELECT generate_series(
      date_trunc($3::text, $1::timestamptz AT TIME ZONE $4::text),
      date_trunc($3::text, ($2::timestamptz - interval '1 microsecond') AT TIME ZONE $4::text),
      ('1 ' || $3::text)::interval
    ) AS "local_start"
  ),
  "made" AS (
    SELECT date_trunc($3::text, d."created_at" AT TIME ZONE $4::text) AS "local_start",
           d."id", d."status", d."approved_at", d."rejected_by", d."edit_ratio"
      FROM "whmcs_sync"."drafts" d
     WHERE d."created_at" >= $1::timestamptz AND d."created_at" < $2::timestamptz
  )
  SELECT b."local_start" AT TIME ZONE $4::text AS "start",
         count(m."id")::float8 AS "created",
         count(m."id") FILTER (WHERE m."approved_at" IS NOT NULL)::float8 AS "approved",
         count(m."id") FILTER (WHERE m."status" = 'sent')::float8 AS "sent",
         count(m."id") FILTER (
           WHERE m."status" = 'rejected' AND m."rejected_by" IS NOT NULL
         )::float8 AS "rejected",
         count(m."id") FILTER (
           WHERE m."approved_at" IS NOT NULL AND COALESCE(m."edit_ratio", 0) > 0
         )::float8 AS "edited",
         avg(COALESCE(m."edit_ratio", 0)) FILTER (WHERE m."approved_at" IS NOT NULL)::float8
           AS "mean_edit_ratio"
    FROM "buckets" b
    LEFT JOIN "made" m ON m."local_start" = b."local_start"
   GROUP BY GROUPING SETS ((b."local_start"), ())
   ORDER BY b."local_start" NULLS LAST`;

/** Aggregates over the drafts, computed by PostgreSQL. */
@Injectable()
export class DraftStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per bucket, oldest first, then the totals row. */
  stats(window: StatsWindow): Promise<DraftStatsRow[]> {
    return queryRows<DraftStatsRow>(this.dataSource, STATS_SQL, [
      window.from,
      window.to,
      window.bucket,
      window.timeZone,
    ]);
  }
}
