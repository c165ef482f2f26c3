import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { AnalyticsBucket } from '@deskpilot/contracts';
import { LOW_SOURCE_LEAD, LOW_TOPIC_COVERAGE } from '@deskpilot/contracts';

/** One bucket's aggregates as PostgreSQL returns them; `start` is null on the totals row. */
export interface InteractionStatsRow {
  start: Date | null;
  interactions: number;
  chat: number;
  drafts: number;
  playground: number;
  failed: number;
  first_token_p50: number | null;
  first_token_p95: number | null;
  total_p50: number | null;
  total_p95: number | null;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
  feedback_up: number;
  feedback_down: number;
}

export interface StatsWindow {
  readonly from: Date;
  readonly to: Date;
  readonly bucket: AnalyticsBucket;
  readonly timeZone: string;
}

/**
 * Every bucket of `[from, to)` (empty ones too) in the time zone's calendar, then the interactions
 * grouped into them, plus one totals row (GROUPING SETS), in a single pass over the log.
 */
const STATS_SQL = `
  WITH "buckets" AS (
    SELECT generate_series(
      date_trunc($3::text, $1::timestamptz AT TIME ZONE $4::text),
      date_trunc($3::text, ($2::timestamptz - interval '1 microsecond') AT TIME ZONE $4::text),
      ('1 ' || $3::text)::interval
    ) AS "local_start"
  ),
  "logged" AS (
    SELECT date_trunc($3::text, i."created_at" AT TIME ZONE $4::text) AS "local_start", i.*
      FROM "llm"."interactions" i
     WHERE i."created_at" >= $1::timestamptz AND i."created_at" < $2::timestamptz
  ),
  "ratings" AS (
    SELECT f."interaction_id",
           count(*) FILTER (WHERE f."rating" = 'up') AS "up",
           count(*) FILTER (WHERE f."rating" = 'down') AS "down"
      FROM "llm"."interaction_feedback" f
     WHERE f."interaction_id" IN (SELECT "id" FROM "logged")
     GROUP BY f."interaction_id"
  )
  SELECT b."local_start" AT TIME ZONE $4::text AS "start",
         count(l."id")::float8 AS "interactions",
         count(l."id") FILTER (WHERE l."kind" = 'chat')::float8 AS "chat",
         count(l."id") FILTER (WHERE l."kind" = 'draft')::float8 AS "drafts",
         count(l."id") FILTER (WHERE l."kind" = 'playground')::float8 AS "playground",
         count(l."id") FILTER (WHERE l."outcome" = 'failed')::float8 AS "failed",
         percentile_cont(0.5) WITHIN GROUP (ORDER BY l."first_token_ms")
           FILTER (WHERE l."outcome" = 'ok') AS "first_token_p50",
         percentile_cont(0.95) WITHIN GROUP (ORDER BY l."first_token_ms")
           FILTER (WHERE l."outcome" = 'ok') AS "first_token_p95",
         percentile_cont(0.5) WITHIN GROUP (ORDER BY l."total_ms")
           FILTER (WHERE l."outcome" = 'ok') AS "total_p50",
         percentile_cont(0.95) WITHIN GROUP (ORDER BY l."total_ms")
           FILTER (WHERE l."outcome" = 'ok') AS "total_p95",
         COALESCE(sum(l."prompt_tokens"), 0)::float8 AS "prompt_tokens",
         COALESCE(sum(l."completion_tokens"), 0)::float8 AS "completion_tokens",
         COALESCE(sum(l."cost_usd"), 0)::float8 AS "cost_usd",
         COALESCE(sum(r."up"), 0)::float8 AS "feedback_up",
         COALESCE(sum(r."down"), 0)::float8 AS "feedback_down"
    FROM "buckets" b
    LEFT JOIN "logged" l ON l."local_start" = b."local_start"
    LEFT JOIN "ratings" r ON r."interaction_id" = l."id"
   GROUP BY GROUPING SETS ((b."local_start"), ())
   ORDER BY b."local_start" NULLS LAST`;

/** The documents cited by the answers of `[from, to)`, with their answers' ratings. */
const CITED_SQL = `
  WITH "cited" AS (
    SELECT DISTINCT i."id", i."created_at", f."rating",
           c->>'documentId' AS "document_id", c->>'documentTitle' AS "title"
      FROM "llm"."interactions" i
      CROSS JOIN LATERAL jsonb_array_elements(i."citations") c
      LEFT JOIN "llm"."interaction_feedback" f ON f."interaction_id" = i."id"
     WHERE i."outcome" = 'ok' AND i."created_at" >= $1 AND i."created_at" < $2
  )
  SELECT "document_id", (array_agg("title" ORDER BY "created_at" DESC))[1] AS "title",
         count(DISTINCT "id")::float8 AS "answers",
         count(DISTINCT "id") FILTER (WHERE "rating" = 'up')::float8 AS "helpful",
         count(DISTINCT "id") FILTER (WHERE "rating" = 'down')::float8 AS "not_helpful"
    FROM "cited"
   GROUP BY "document_id"
   ORDER BY "answers" DESC, "title" ASC
   LIMIT $3`;

const ANSWERED_SQL = `
  SELECT count(*)::float8 AS "answers",
         count(*) FILTER (WHERE jsonb_array_length(i."citations") = 0)::float8 AS "uncited",
         count(*) FILTER (WHERE jsonb_array_length(i."citations") > 0
                            AND (i."flags"->>'topicCoverage')::float8 < $3)::float8 AS "off_topic",
         count(*) FILTER (WHERE jsonb_array_length(i."citations") > 0
                            AND (i."flags"->'bestLeftOut'->>'lead')::float8 < $4)::float8
           AS "passed_over"
    FROM "llm"."interactions" i
   WHERE i."outcome" = 'ok' AND i."created_at" >= $1 AND i."created_at" < $2`;

/*
 * Chat and draft answers of the range that cite nothing, cite passages off the question or are
 * rated not helpful (by anyone, now), newest first. A ticket drafted again counts once, by its
 * newest weak draft; `weak_answers` counts them all (a ticket once) before the limit. A chat
 * follow-up that the search looked for as rewritten ("And for webmail?") is listed as rewritten,
 * which says what it asks about.
 */
const WEAK_SQL = `
  WITH "judged" AS (
    SELECT i."id", i."kind", COALESCE(i."flags"->'searchRewrite'->>'query', i."question") AS "question",
           i."ticket_subject", i."created_at", i."ticket_id",
           jsonb_array_length(i."citations") = 0 AS "uncited",
           (jsonb_array_length(i."citations") > 0
              AND (i."flags"->>'topicCoverage')::float8 < $3) AS "off_topic",
           EXISTS (SELECT 1 FROM "llm"."interaction_feedback" f
                    WHERE f."interaction_id" = i."id" AND f."rating" = 'down') AS "not_helpful",
           EXISTS (SELECT 1 FROM "llm"."gap_closures" c
                    WHERE c."interaction_id" = i."id") AS "closed"
      FROM "llm"."interactions" i
     WHERE i."outcome" = 'ok' AND i."kind" IN ('chat', 'draft')
       AND i."created_at" >= $1 AND i."created_at" < $2
  ),
  "weak" AS (
    SELECT j.*, row_number() OVER (PARTITION BY COALESCE(j."ticket_id", j."id"::text)
                                    ORDER BY j."created_at" DESC, j."id" DESC) AS "nth"
      FROM "judged" j
     WHERE j."uncited" OR COALESCE(j."off_topic", false) OR j."not_helpful"
  ),
  "newest" AS (SELECT * FROM "weak" WHERE "nth" = 1),
  "counts" AS (
    SELECT count(*) FILTER (WHERE NOT "closed")::float8 AS "weak_answers",
           count(*) FILTER (WHERE "closed")::float8 AS "closed"
      FROM "newest"
  )
  SELECT c."weak_answers", c."closed", n."id", n."kind", n."question", n."ticket_subject",
         n."created_at", n."uncited", COALESCE(n."off_topic", false) AS "off_topic",
         n."not_helpful"
    FROM "counts" c
    LEFT JOIN LATERAL (
      SELECT * FROM "newest" WHERE "closed" = $5 ORDER BY "created_at" DESC, "id" DESC LIMIT $4
    ) n ON true
   ORDER BY n."created_at" DESC, n."id" DESC`;

/** A weakly answered question. */
export interface WeakAnswerRow {
  id: string;
  kind: 'chat' | 'draft';
  /** As asked, or for a follow-up as the model rewrote it for the search. */
  question: string;
  ticket_subject: string | null;
  created_at: Date;
  uncited: boolean;
  off_topic: boolean;
  not_helpful: boolean;
}

/** The weak answers of a range: how many, how many were closed, and the newest asked for. */
export interface WeakAnswers {
  readonly weakAnswers: number;
  readonly closed: number;
  readonly rows: WeakAnswerRow[];
}

/** The counts, on every row; a range with no open weak answer gives one row with no answer. */
interface CountedRow extends Omit<WeakAnswerRow, 'id'> {
  id: string | null;
  weak_answers: number;
  closed: number;
}

export interface CitedDocumentRow {
  document_id: string;
  title: string;
  answers: number;
  helpful: number;
  not_helpful: number;
}

export interface AnsweredRow {
  answers: number;
  uncited: number;
  off_topic: number;
  passed_over: number;
}

/** Aggregates over the interaction log, computed by PostgreSQL. */
@Injectable()
export class InteractionStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per bucket, oldest first, then the totals row. */
  stats(window: StatsWindow): Promise<InteractionStatsRow[]> {
    return this.dataSource.query<InteractionStatsRow[]>(STATS_SQL, [
      window.from,
      window.to,
      window.bucket,
      window.timeZone,
    ]);
  }

  /** The `limit` documents the answers of `[from, to)` cite most. */
  citedDocuments(from: Date, to: Date, limit: number): Promise<CitedDocumentRow[]> {
    return this.dataSource.query<CitedDocumentRow[]>(CITED_SQL, [from, to, limit]);
  }

  /**
   * How many answers `[from, to)` holds, how many of them cite nothing, how many cite passages
   * that say little about the question, and how many leave out a document scored about as high
   * as those they cite.
   */
  async answered(from: Date, to: Date): Promise<AnsweredRow> {
    const rows = await this.dataSource.query<AnsweredRow[]>(ANSWERED_SQL, [
      from,
      to,
      LOW_TOPIC_COVERAGE,
      LOW_SOURCE_LEAD,
    ]);
    return rows[0] ?? { answers: 0, uncited: 0, off_topic: 0, passed_over: 0 };
  }

  /**
   * The weakly answered chat questions and tickets of `[from, to)` (a ticket counted by its
   * newest draft), the newest `limit` of those still open (or of those `closed`) listed.
   */
  async weakAnswers(from: Date, to: Date, limit: number, closed = false): Promise<WeakAnswers> {
    const found = await this.dataSource.query<CountedRow[]>(WEAK_SQL, [
      from,
      to,
      LOW_TOPIC_COVERAGE,
      limit,
      closed,
    ]);
    const rows = found.filter((row): row is CountedRow & { id: string } => row.id !== null);
    return { weakAnswers: found[0]?.weak_answers ?? 0, closed: found[0]?.closed ?? 0, rows };
  }
}
