import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { containsPattern } from '@deskpilot/persistence';

import { Draft } from '../drafts/entities/draft.entity';
import { MirroredTicket } from '../mirror/entities/mirrored-ticket.entity';
import type { OutboundEvent } from './entities/outbound-reply-log-entry.entity';
import { OutboundReplyLogEntry } from './entities/outbound-reply-log-entry.entity';
import { SentReply } from './entities/sent-reply.entity';
import type { AnsweredAsk } from './similar-asks';

export interface SentConfirmation {
  readonly confirmedBy: 'response' | 'readback';
  readonly whmcsReplyId: string | null;
  readonly event: OutboundEvent;
  readonly detail: string | null;
}

/** Who a reply is posted as and its text as posted. */
export interface ReplyPost {
  readonly postAs: string;
  readonly sendText: string;
}

/** A search of the sent replies reads this many words at most. */
const MAX_SEARCH_WORDS = 8;

/**
 * The writes of posting a reply, each in one transaction with its outbound-log entry: the intent
 * (stored before WHMCS is called), and the confirmed post with its sent-reply record.
 */
@Injectable()
export class ReplySendingRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async recordIntent(
    draft: Draft,
    baselineReplyId: string,
    post: ReplyPost,
    leaseUntil: Date,
    instanceId: string,
  ): Promise<Draft | null> {
    return this.dataSource.transaction(async (manager) => {
      const attempt = draft.sendAttempts + 1;
      const updated = await this.updateDraft(manager, draft, {
        sendBaselineReplyId: baselineReplyId,
        sendIntentAt: new Date(),
        sendAttempts: attempt,
        sendLeaseUntil: leaseUntil,
        postAs: post.postAs,
        sendText: post.sendText,
      });
      if (!updated) {
        return null;
      }
      await this.insertLog(
        manager,
        draft,
        attempt,
        'intent',
        `after reply ${baselineReplyId}`,
        instanceId,
      );
      return manager.findOneBy(Draft, { id: draft.id });
    });
  }

  async recordSent(
    draft: Draft,
    confirmation: SentConfirmation,
    instanceId: string,
  ): Promise<Draft | null> {
    return this.dataSource.transaction(async (manager) => {
      const sentAt = new Date();
      const updated = await this.updateDraft(manager, draft, {
        status: 'sent',
        statusReason: null,
        sentAt,
        sendLeaseOwner: null,
        sendLeaseUntil: null,
      });
      if (!updated) {
        return null;
      }
      await manager.insert(SentReply, {
        id: randomUUID(),
        draftId: draft.id,
        ticketId: draft.ticketId,
        text: draft.sendText ?? '',
        aiText: draft.aiText ?? '',
        editRatio: draft.editRatio ?? 0,
        approvedBy: draft.approvedBy ?? { id: 'unknown', name: 'unknown' },
        approvedAt: draft.approvedAt ?? sentAt,
        sentAt,
        postAs: draft.postAs ?? '',
        replyStatus: draft.replyStatus,
        whmcsReplyId: confirmation.whmcsReplyId,
        confirmedBy: confirmation.confirmedBy,
      });
      await this.insertLog(
        manager,
        draft,
        draft.sendAttempts,
        confirmation.event,
        confirmation.detail,
        instanceId,
      );
      return manager.findOneBy(Draft, { id: draft.id });
    });
  }

  async log(
    draft: Draft,
    event: OutboundEvent,
    detail: string | null,
    instanceId: string,
  ): Promise<void> {
    await this.insertLog(
      this.dataSource.manager,
      draft,
      draft.sendAttempts,
      event,
      detail,
      instanceId,
    );
  }

  async setWhmcsReplyId(draftId: string, whmcsReplyId: string): Promise<void> {
    await this.dataSource.getRepository(SentReply).update({ draftId }, { whmcsReplyId });
  }

  findSent(id: string): Promise<SentReply | null> {
    return this.dataSource.getRepository(SentReply).findOne({ where: { id } });
  }

  findSentMany(ids: readonly string[]): Promise<SentReply[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.dataSource.getRepository(SentReply).findBy({ id: In([...ids]) });
  }

  /**
   * Newest first. `search`: every word is in the reply's text or its ticket's subject, or the
   * whole of it is the ticket's number (with or without `#`).
   */
  listSent(
    filter: { ticketId?: string | undefined; search?: string | undefined },
    limit: number,
    offset: number,
  ): Promise<[SentReply[], number]> {
    const query = this.dataSource
      .getRepository(SentReply)
      .createQueryBuilder('reply')
      .orderBy('reply.sentAt', 'DESC')
      .addOrderBy('reply.id', 'ASC')
      .take(limit)
      .skip(offset);
    if (filter.ticketId !== undefined) {
      query.andWhere('reply.ticketId = :ticketId', { ticketId: filter.ticketId });
    }
    const words = (filter.search ?? '')
      .split(/\s+/u)
      .filter((word) => word !== '')
      .slice(0, MAX_SEARCH_WORDS);
    if (words.length > 0) {
      const allWords = words
        .map((_, i) => `(reply.text ILIKE :word${i} OR ticket.subject ILIKE :word${i})`)
        .join(' AND ');
      query.leftJoin(MirroredTicket, 'ticket', 'ticket.id = reply.ticketId');
      query.andWhere(`((${allWords}) OR ticket.number = :number)`, {
        ...Object.fromEntries(words.map((word, i) => [`word${i}`, containsPattern(word)])),
        number: (filter.search ?? '').trim().replace(/^#/u, ''),
      });
    }
    return query.getManyAndCount();
  }

  /**
   * What the `limit` latest replies sent to tickets other than `ticketId` answered, newest first;
   * the question is empty when the thread no longer holds the message.
   */
  answeredAsks(ticketId: string, limit: number): Promise<AnsweredAsk[]> {
    return this.dataSource.query<AnsweredAsk[]>(
      `SELECT r."id" AS "replyId", t."subject", COALESCE(m."text", '') AS "question"
         FROM "whmcs_sync"."sent_replies" r
         JOIN "whmcs_sync"."drafts" d ON d."id" = r."draft_id"
         JOIN "whmcs_sync"."tickets" t ON t."id" = r."ticket_id"
         LEFT JOIN "whmcs_sync"."ticket_messages" m
           ON m."ticket_id" = d."ticket_id" AND m."reply_id" = d."based_on_reply_id"
        WHERE r."ticket_id" <> $1::bigint
        ORDER BY r."sent_at" DESC, r."id"
        LIMIT $2`,
      [ticketId, limit],
    );
  }

  private async updateDraft(
    manager: EntityManager,
    draft: Draft,
    patch: Partial<Draft>,
  ): Promise<boolean> {
    const result = await manager.update(
      Draft,
      { id: draft.id, version: draft.version },
      { ...patch, version: draft.version + 1, updatedAt: new Date() },
    );
    return result.affected === 1;
  }

  private async insertLog(
    manager: EntityManager,
    draft: Draft,
    attempt: number,
    event: OutboundEvent,
    detail: string | null,
    instanceId: string,
  ): Promise<void> {
    await manager.insert(OutboundReplyLogEntry, {
      draftId: draft.id,
      ticketId: draft.ticketId,
      attempt,
      event,
      detail,
      instanceId,
    });
  }
}
