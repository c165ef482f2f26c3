import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';

import type { DraftStatus } from '@deskpilot/contracts';

import { queryRows } from '../database/query-rows';
import { MirroredTicket } from '../mirror/entities/mirrored-ticket.entity';

export interface TicketSearch {
  readonly awaitingOnly: boolean;
  readonly department: string | undefined;
  readonly status: string | undefined;
  readonly hasDraft: boolean | undefined;
  readonly draftStatus: DraftStatus | undefined;
  readonly limit: number;
  readonly offset: number;
}

export interface LatestDraft {
  readonly id: string;
  readonly status: DraftStatus;
  readonly confidence: number | null;
}

export interface TicketRow {
  readonly ticket: MirroredTicket;
  readonly draft: LatestDraft | null;
}

interface RawRow {
  id: string;
  draft_id: string | null;
  draft_status: DraftStatus | null;
  draft_confidence: number | null;
  total: string;
}

/** The console's ticket list: mirrored tickets with their newest draft, filtered and paged. */
@Injectable()
export class TicketQueriesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async search(filter: TicketSearch): Promise<{ rows: TicketRow[]; total: number }> {
    const raw = await queryRows<RawRow>(
      this.dataSource,
      `SELECT t."id", d."id" AS "draft_id", d."status" AS "draft_status",
              d."confidence" AS "draft_confidence", count(*) OVER () AS "total"
       FROM "whmcs_sync"."tickets" t
       LEFT JOIN LATERAL (
         SELECT "id", "status", "confidence" FROM "whmcs_sync"."drafts"
         WHERE "ticket_id" = t."id" ORDER BY "created_at" DESC LIMIT 1
       ) d ON true
       WHERE ($1::boolean IS FALSE OR t."awaiting")
         AND ($2::text IS NULL OR t."department_id"::text = $2
              OR lower(t."department_name") = lower($2))
         AND ($3::text IS NULL OR lower(t."status") = lower($3))
         AND ($4::boolean IS NULL OR (d."id" IS NOT NULL AND d."status" <> 'stale') = $4)
         AND ($5::text IS NULL OR d."status" = $5)
       ORDER BY t."last_reply_at" DESC NULLS LAST, t."id" DESC
       LIMIT $6 OFFSET $7`,
      [
        filter.awaitingOnly,
        filter.department ?? null,
        filter.status ?? null,
        filter.hasDraft ?? null,
        filter.draftStatus ?? null,
        filter.limit,
        filter.offset,
      ],
    );
    const tickets = await this.dataSource
      .getRepository(MirroredTicket)
      .findBy({ id: In(raw.map((row) => row.id)) });
    const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
    const rows = raw.flatMap((row) => {
      const ticket = byId.get(row.id);
      if (ticket === undefined) {
        return [];
      }
      const draft =
        row.draft_id === null || row.draft_status === null
          ? null
          : { id: row.draft_id, status: row.draft_status, confidence: row.draft_confidence };
      return [{ ticket, draft }];
    });
    return { rows, total: raw.length === 0 ? 0 : Number(raw[0]?.total ?? 0) };
  }
}
