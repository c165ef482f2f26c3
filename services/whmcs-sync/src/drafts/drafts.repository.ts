import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import type { DraftSort, DraftStatus } from '@deskpilot/contracts';

import { queryRows } from '../database/query-rows';
import { MirroredTicket } from '../mirror/entities/mirrored-ticket.entity';
import { Draft } from './entities/draft.entity';

/** Drafts still in play; stale, rejected and failed ones are history. */
export const OPEN_STATUSES: readonly DraftStatus[] = ['pending', 'ready', 'approved', 'failed'];

export interface DraftSearch {
  readonly statuses?: readonly DraftStatus[];
  readonly department?: string;
  readonly ticketId?: string;
  readonly minConfidence?: number;
  readonly maxConfidence?: number;
  /** Exclusive upper bound, unlike `maxConfidence`. */
  readonly belowConfidence?: number;
  readonly sort: DraftSort;
  readonly limit: number;
  readonly offset: number;
}

/** 0 for drafts of tickets whose customer waits for a reply, 1 for the others. */
const WAITING_RANK = `(CASE WHEN t.awaiting AND t.lastMessageFrom = 'customer' THEN 0 ELSE 1 END)`;
/** Since when the customer waits, for the drafts of tickets that wait. */
const WAITING_SINCE = `(CASE WHEN t.awaiting AND t.lastMessageFrom = 'customer' THEN t.lastReplyAt END)`;
/** WHMCS priorities, the most urgent first. */
const PRIORITY_RANK = `(CASE lower(t.priority) WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END)`;

/** What a reviewer who asked for a new draft wants of it. */
export interface ReviewerAsk {
  /** What to do differently, in the reviewer's words. */
  readonly guidance: string | null;
  /** The documents to write it from, none else; null: the whole knowledge base. */
  readonly sourceDocumentIds: readonly string[] | null;
}

/** A draft asked for by the sync, not by a reviewer. */
export const NOBODY_ASKED: ReviewerAsk = { guidance: null, sourceDocumentIds: null };

/** A draft whose status changed outside an optimistic update, with what it was before. */
export interface StatusChange {
  readonly draft: Draft;
  readonly previousStatus: DraftStatus;
}

@Injectable()
export class DraftsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get drafts() {
    return this.dataSource.getRepository(Draft);
  }

  find(id: string): Promise<Draft | null> {
    return this.drafts.findOneBy({ id });
  }

  forTicket(ticketId: string): Promise<Draft[]> {
    return this.drafts.find({ where: { ticketId }, order: { createdAt: 'DESC' } });
  }

  /**
   * A new pending draft for the customer message, unless one is already live for it (the unique
   * index settles races between replicas). Unless `replacing`, a rejected or failed draft of that
   * message keeps it from being drafted again: a reviewer turned it down, answers it by hand, or
   * the failed draft is asked for again on its own schedule. Returns null when nothing was
   * inserted. Its request is due at `requestDueAt` should nothing send it before then (the
   * process stops, or the database drops the connection right after the insert), so no pending
   * draft waits forever.
   */
  async createPending(
    id: string,
    ticketId: string,
    basedOnReplyId: string,
    requestDueAt: Date,
    replacing: boolean,
    ask: ReviewerAsk = NOBODY_ASKED,
  ): Promise<Draft | null> {
    const rows = await queryRows<unknown>(
      this.dataSource,
      `INSERT INTO "whmcs_sync"."drafts"
         ("id", "ticket_id", "based_on_reply_id", "status", "next_request_at", "guidance",
          "source_document_ids")
       SELECT $1::uuid, $2::bigint, $3::bigint, 'pending', $4::timestamptz, $6::text, $7::uuid[]
       WHERE $5::boolean OR NOT EXISTS (
         SELECT 1 FROM "whmcs_sync"."drafts" d
         WHERE d."ticket_id" = $2::bigint AND d."based_on_reply_id" = $3::bigint
           AND d."status" <> 'stale')
       ON CONFLICT DO NOTHING
       RETURNING "id"`,
      [id, ticketId, basedOnReplyId, requestDueAt, replacing, ask.guidance, ask.sourceDocumentIds],
    );
    return rows.length === 0 ? null : this.find(id);
  }

  /**
   * Applies a change only if the draft is still at the version the caller read: the caller
   * decided on that state, so any concurrent change wins and the caller re-reads.
   */
  async update(draft: Draft, patch: QueryDeepPartialEntity<Draft>): Promise<Draft | null> {
    const result = await this.drafts.update(
      { id: draft.id, version: draft.version },
      { ...patch, version: draft.version + 1, updatedAt: new Date() },
    );
    return result.affected === 1 ? this.find(draft.id) : null;
  }

  /**
   * Moves a pending draft's next request to `at`, unless the draft changed since (its result may
   * already be in). Only a schedule: the version stays, so nobody has to re-read.
   */
  async deferRequest(draft: Draft, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE "whmcs_sync"."drafts" SET "next_request_at" = $3
       WHERE "id" = $1 AND "version" = $2 AND "status" = 'pending'`,
      [draft.id, draft.version, at],
    );
  }

  /**
   * Records another request of a failed draft, unless the draft changed since. Only a schedule,
   * like `deferRequest`: the draft stays failed at its version, so a reviewer writing it by hand
   * meanwhile is not refused. Resolves false when the draft changed.
   */
  async markRecoveryRequest(draft: Draft, requestedAt: Date, next: Date | null): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `UPDATE "whmcs_sync"."drafts"
       SET "request_attempts" = "request_attempts" + 1, "requested_at" = $3,
           "next_request_at" = $4
       WHERE "id" = $1 AND "version" = $2 AND "status" = 'failed'
       RETURNING "id"`,
      [draft.id, draft.version, requestedAt, next],
    );
    return rows.length > 0;
  }

  /** Keeps a failed draft's reason current when a later request of it fails too, version kept. */
  async noteFailure(draft: Draft, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "whmcs_sync"."drafts" SET "status_reason" = $2
       WHERE "id" = $1 AND "status" = 'failed'`,
      [draft.id, reason],
    );
  }

  /** Pending drafts whose request should be sent again, and failed drafts due another try. */
  dueForRequest(now: Date, limit: number): Promise<Draft[]> {
    return this.drafts.find({
      where: { status: In(['pending', 'failed']), nextRequestAt: LessThanOrEqual(now) },
      order: { nextRequestAt: 'ASC' },
      take: limit,
    });
  }

  /**
   * Marks stale every open draft whose ticket moved on: it left the awaiting set, staff answered
   * in WHMCS, or the customer wrote again after the message the draft answers. Only the drafts
   * of one ticket when `ticketId` is given.
   */
  async staleOutdated(ticketId?: string): Promise<StatusChange[]> {
    const rows = await queryRows<{ id: string; previous: DraftStatus }>(
      this.dataSource,
      `WITH outdated AS (
         SELECT d."id", d."status" AS "previous",
           CASE
             WHEN NOT t."awaiting" THEN 'The ticket no longer waits for a reply in WHMCS'
             WHEN t."last_message_from" = 'staff' THEN 'Answered in WHMCS'
             ELSE 'The customer wrote again'
           END AS "reason"
         FROM "whmcs_sync"."drafts" d
         JOIN "whmcs_sync"."tickets" t ON t."id" = d."ticket_id"
         WHERE d."status" = ANY($1)
           AND t."fetched_at" IS NOT NULL
           AND (NOT t."awaiting"
             OR t."last_message_from" = 'staff'
             OR t."last_customer_message_id" <> d."based_on_reply_id")
           AND ($2::bigint IS NULL OR d."ticket_id" = $2::bigint)
         FOR UPDATE OF d
       )
       UPDATE "whmcs_sync"."drafts" AS d
       SET "status" = 'stale', "status_reason" = o."reason",
           "version" = d."version" + 1, "updated_at" = now()
       FROM outdated o
       WHERE d."id" = o."id"
       RETURNING d."id", o."previous"`,
      [OPEN_STATUSES, ticketId ?? null],
    );
    return this.withDrafts(rows);
  }

  /** Tickets waiting on the customer's last message with no draft (other than stale) for it. */
  /** `departments`: lower-case names or ids to draft for; undefined for every department. */
  async ticketIdsNeedingDraft(
    limit: number,
    departments: readonly string[] | undefined,
  ): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `SELECT t."id" FROM "whmcs_sync"."tickets" t
       WHERE t."awaiting" AND t."last_message_from" = 'customer'
         AND t."last_customer_message_id" IS NOT NULL
         AND ($2::text IS NULL
              OR lower(t."department_name") = ANY(string_to_array($2::text, E'\\n'))
              OR t."department_id"::text = ANY(string_to_array($2::text, E'\\n')))
         AND NOT EXISTS (
           SELECT 1 FROM "whmcs_sync"."drafts" d
           WHERE d."ticket_id" = t."id" AND d."based_on_reply_id" = t."last_customer_message_id"
             AND d."status" <> 'stale')
       ORDER BY t."last_reply_at" ASC NULLS LAST, t."id" ASC
       LIMIT $1`,
      // One text parameter, a department per line.
      [limit, departments?.join('\n') ?? null],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Claims a draft for posting: only one replica at a time, none while a lease runs (a post in
   * flight, or a pause before the next try) unless the lease is the given hold, which an approval
   * puts on its draft so that it posts the reply itself.
   */
  async claimForSending(
    id: string,
    owner: string,
    leaseUntil: Date,
    hold: string | null = null,
  ): Promise<Draft | null> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `UPDATE "whmcs_sync"."drafts"
       SET "status" = 'sending', "send_lease_owner" = $2, "send_lease_until" = $3,
           "version" = "version" + 1, "updated_at" = now()
       WHERE "id" = $1 AND "status" IN ('approved', 'sending')
         AND ("send_lease_until" IS NULL OR "send_lease_until" < now()
              OR ("status" = 'approved' AND "send_lease_owner" = $4))
       RETURNING "id"`,
      [id, owner, leaseUntil, hold],
    );
    return rows.length === 0 ? null : this.find(id);
  }

  /** Approved drafts waiting to be posted and posts whose outcome must be checked again. */
  async dueForDelivery(limit: number): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `SELECT "id" FROM "whmcs_sync"."drafts"
       WHERE "status" IN ('approved', 'sending')
         AND ("send_lease_until" IS NULL OR "send_lease_until" < now())
       ORDER BY "approved_at" ASC NULLS LAST
       LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  async search(filter: DraftSearch): Promise<[Draft[], number]> {
    // One ticket per draft, so plain LIMIT and OFFSET page the drafts.
    const query = this.drafts
      .createQueryBuilder('d')
      .innerJoin(MirroredTicket, 't', 't.id = d.ticketId')
      .limit(filter.limit)
      .offset(filter.offset);
    if (filter.sort === 'priority') {
      query.addOrderBy(PRIORITY_RANK, 'ASC');
    }
    if (filter.sort !== 'updated') {
      query.addOrderBy(WAITING_RANK, 'ASC').addOrderBy(WAITING_SINCE, 'ASC', 'NULLS LAST');
    }
    query.addOrderBy('d.updatedAt', 'DESC').addOrderBy('d.id', 'ASC');
    if (filter.statuses !== undefined && filter.statuses.length > 0) {
      query.andWhere('d.status IN (:...statuses)', { statuses: filter.statuses });
    }
    if (filter.department !== undefined) {
      query.andWhere(
        '(CAST(t.departmentId AS text) = :dept OR lower(t.departmentName) = lower(:dept))',
        {
          dept: filter.department,
        },
      );
    }
    if (filter.ticketId !== undefined) {
      query.andWhere('d.ticketId = :ticketId', { ticketId: filter.ticketId });
    }
    if (filter.minConfidence !== undefined) {
      query.andWhere('d.confidence >= :min', { min: filter.minConfidence });
    }
    if (filter.maxConfidence !== undefined) {
      query.andWhere('d.confidence <= :max', { max: filter.maxConfidence });
    }
    if (filter.belowConfidence !== undefined) {
      query.andWhere('d.confidence < :below', { below: filter.belowConfidence });
    }
    return query.getManyAndCount();
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = await queryRows<{ status: string; count: string }>(
      this.dataSource,
      `SELECT "status", count(*) AS "count" FROM "whmcs_sync"."drafts" GROUP BY "status"`,
      [],
    );
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  }

  private async withDrafts(
    rows: readonly { id: string; previous: DraftStatus }[],
  ): Promise<StatusChange[]> {
    if (rows.length === 0) {
      return [];
    }
    const drafts = await this.drafts.findBy({ id: In(rows.map((row) => row.id)) });
    const byId = new Map(drafts.map((draft) => [draft.id, draft]));
    return rows.flatMap((row) => {
      const draft = byId.get(row.id);
      return draft === undefined ? [] : [{ draft, previousStatus: row.previous }];
    });
  }
}
