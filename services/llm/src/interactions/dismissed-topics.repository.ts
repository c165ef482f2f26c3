import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

import type { TopicProfile } from '@deskpilot/text';

/** A dismissed topic as stored, with how many questions it closed. */
export interface StoredTopic {
  readonly id: string;
  readonly profile: TopicProfile;
  readonly dismissedBy: string;
  readonly dismissedByName: string;
  readonly dismissedAt: Date;
  readonly questions: number;
}

export interface NewTopic {
  readonly id: string;
  readonly profile: TopicProfile;
  readonly dismissedBy: string;
  readonly dismissedByName: string;
}

interface TopicRow {
  id: string;
  terms: string[];
  centroid: Record<string, number>;
  dismissed_by: string;
  dismissed_by_name: string;
  dismissed_at: Date;
  questions: number;
}

@Injectable()
export class DismissedTopicsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The question and ticket subject of each entry still in the log. */
  questions(
    interactionIds: readonly string[],
  ): Promise<{ question: string; ticket_subject: string | null }[]> {
    return this.dataSource.query<{ question: string; ticket_subject: string | null }[]>(
      `SELECT "question", "ticket_subject" FROM "llm"."interactions" WHERE "id" = ANY($1::uuid[])`,
      [interactionIds],
    );
  }

  /** The chat questions and drafted tickets logged since `since` and not closed, newest first. */
  openSince(
    since: Date,
    limit: number,
  ): Promise<{ id: string; question: string; ticket_subject: string | null }[]> {
    return this.dataSource.query<{ id: string; question: string; ticket_subject: string | null }[]>(
      `SELECT i."id", i."question", i."ticket_subject" FROM "llm"."interactions" i
        WHERE i."kind" IN ('chat', 'draft') AND i."outcome" = 'ok' AND i."created_at" >= $1
          AND NOT EXISTS (SELECT 1 FROM "llm"."gap_closures" c WHERE c."interaction_id" = i."id")
        ORDER BY i."created_at" DESC
        LIMIT $2`,
      [since, limit],
    );
  }

  async insert(topic: NewTopic, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO "llm"."dismissed_topics"
              ("id", "terms", "centroid", "dismissed_by", "dismissed_by_name")
       VALUES ($1, $2::jsonb, $3::jsonb, $4, $5)`,
      [
        topic.id,
        JSON.stringify(topic.profile.terms),
        JSON.stringify(topic.profile.centroid),
        topic.dismissedBy,
        topic.dismissedByName,
      ],
    );
  }

  /** Every topic, newest first. */
  async all(): Promise<StoredTopic[]> {
    const rows = await this.dataSource.query<TopicRow[]>(
      `SELECT t.*,
              (SELECT count(*)::int FROM "llm"."gap_closures" c WHERE c."topic_id" = t."id")
                AS "questions"
         FROM "llm"."dismissed_topics" t
        ORDER BY t."dismissed_at" DESC, t."id"`,
    );
    return rows.map((row) => ({
      id: row.id,
      profile: { terms: row.terms, centroid: row.centroid },
      dismissedBy: row.dismissed_by,
      dismissedByName: row.dismissed_by_name,
      dismissedAt: new Date(row.dismissed_at),
      questions: row.questions,
    }));
  }

  /**
   * Resolves whether the topic was there, and how many of the questions it closed were reopened
   * (with `reopen`; otherwise they stay closed, no longer naming it).
   */
  delete(id: string, reopen: boolean): Promise<{ deleted: boolean; reopened: number }> {
    return this.dataSource.transaction(async (manager) => {
      const reopened = reopen
        ? await manager.query<{ reopened: number }[]>(
            `WITH "gone" AS (DELETE FROM "llm"."gap_closures" WHERE "topic_id" = $1 RETURNING 1)
             SELECT count(*)::int AS "reopened" FROM "gone"`,
            [id],
          )
        : [];
      const deleted = await manager.query<{ deleted: number }[]>(
        `WITH "gone" AS (DELETE FROM "llm"."dismissed_topics" WHERE "id" = $1 RETURNING 1)
         SELECT count(*)::int AS "deleted" FROM "gone"`,
        [id],
      );
      return { deleted: (deleted[0]?.deleted ?? 0) > 0, reopened: reopened[0]?.reopened ?? 0 };
    });
  }
}
