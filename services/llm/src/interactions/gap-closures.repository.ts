import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

import type { CloseGapRequest, GapClosure } from '@deskpilot/contracts';

/** Weak answers taken off the knowledge gaps, one row per log entry. */
@Injectable()
export class GapClosuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Closes the entries still in the log and not closed yet, naming the dismissed topic that closed
   * them, if one did; resolves how many that was.
   */
  async close(
    request: Pick<CloseGapRequest, 'interactionIds' | 'resolution' | 'documentId' | 'closedBy'>,
    topicId: string | null = null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const rows = await manager.query<{ closed: number }[]>(
      `WITH "added" AS (
         INSERT INTO "llm"."gap_closures"
                ("interaction_id", "resolution", "document_id", "closed_by", "topic_id")
         SELECT i."id", $2::varchar, $3::uuid, $4::varchar, $5::uuid
           FROM "llm"."interactions" i WHERE i."id" = ANY($1::uuid[])
         ON CONFLICT ("interaction_id") DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS "closed" FROM "added"`,
      [request.interactionIds, request.resolution, request.documentId, request.closedBy, topicId],
    );
    return rows[0]?.closed ?? 0;
  }

  /** How the entry left the knowledge gaps, with the words of the topic that closed it. */
  async find(interactionId: string): Promise<GapClosure | null> {
    const rows = await this.dataSource.query<
      {
        resolution: GapClosure['resolution'];
        document_id: string | null;
        terms: string[] | null;
        closed_at: Date;
      }[]
    >(
      `SELECT c."resolution", c."document_id", t."terms", c."closed_at"
         FROM "llm"."gap_closures" c
         LEFT JOIN "llm"."dismissed_topics" t ON t."id" = c."topic_id"
        WHERE c."interaction_id" = $1`,
      [interactionId],
    );
    const row = rows[0];
    return row === undefined
      ? null
      : {
          resolution: row.resolution,
          documentId: row.document_id,
          topicTerms: row.terms,
          closedAt: new Date(row.closed_at).toISOString(),
        };
  }

  /** Resolves how many of the entries were closed and now count as gaps again. */
  async reopen(interactionIds: readonly string[]): Promise<number> {
    const rows = await this.dataSource.query<{ reopened: number }[]>(
      `WITH "gone" AS (
         DELETE FROM "llm"."gap_closures" WHERE "interaction_id" = ANY($1::uuid[]) RETURNING 1
       )
       SELECT count(*)::int AS "reopened" FROM "gone"`,
      [interactionIds],
    );
    return rows[0]?.reopened ?? 0;
  }
}
