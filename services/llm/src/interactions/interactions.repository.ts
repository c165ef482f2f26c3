import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Repository } from 'typeorm';

import type { FeedbackRecorded, InteractionKind, InteractionOutcome } from '@deskpilot/contracts';
import { LOW_SOURCE_LEAD, LOW_TOPIC_COVERAGE } from '@deskpilot/contracts';

import { InteractionFeedbackEntity } from './entities/interaction-feedback.entity';
import { InteractionEntity } from './entities/interaction.entity';

export interface InteractionFilter {
  readonly userId?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly feedback?: 'up' | 'down' | 'none' | 'any';
  readonly model?: string;
  readonly outcome?: InteractionOutcome;
  readonly kind?: InteractionKind;
  /**
   * Answers that cite no passage, at least one, passages that say little of the question, or
   * that leave out a document scored about as high as those they cite.
   */
  readonly cited?: 'none' | 'some' | 'off-topic' | 'passed-over';
  readonly minConfidence?: number;
  readonly belowConfidence?: number;
  /** Only rows before this position in (created_at, id) order, newest first. */
  readonly before?: { readonly createdAt: Date; readonly id: string };
}

const CITED_CONDITIONS: Readonly<Record<NonNullable<InteractionFilter['cited']>, string>> = {
  none: 'jsonb_array_length(i.citations) = 0',
  some: 'jsonb_array_length(i.citations) > 0',
  'off-topic': `jsonb_array_length(i.citations) > 0
    AND (i.flags->>'topicCoverage')::float8 < CAST(:lowTopicCoverage AS float8)`,
  'passed-over': `jsonb_array_length(i.citations) > 0
    AND (i.flags->'bestLeftOut'->>'lead')::float8 < CAST(:lowSourceLead AS float8)`,
};

/** The interaction log and the feedback copied onto it. */
@Injectable()
export class InteractionsRepository {
  private readonly interactions: Repository<InteractionEntity>;
  private readonly feedback: Repository<InteractionFeedbackEntity>;

  constructor(dataSource: DataSource) {
    this.interactions = dataSource.getRepository(InteractionEntity);
    this.feedback = dataSource.getRepository(InteractionFeedbackEntity);
  }

  /** Inserts a new entry; resolves false when the id is already taken. */
  async insertIfNew(entry: Partial<InteractionEntity>): Promise<boolean> {
    const result = await this.interactions
      .createQueryBuilder()
      .insert()
      .values(entry)
      .orIgnore()
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async update(id: string, patch: Partial<InteractionEntity>): Promise<void> {
    await this.interactions.update({ id }, patch);
  }

  findById(id: string): Promise<InteractionEntity | null> {
    return this.interactions.findOneBy({ id });
  }

  async findPage(filter: InteractionFilter, limit: number): Promise<InteractionEntity[]> {
    const query = this.interactions.createQueryBuilder('i');
    if (filter.userId !== undefined) {
      query.andWhere('i.user_id = :userId', { userId: filter.userId });
    }
    if (filter.from !== undefined) {
      query.andWhere('i.created_at >= :from', { from: filter.from });
    }
    if (filter.to !== undefined) {
      query.andWhere('i.created_at < :to', { to: filter.to });
    }
    if (filter.model !== undefined) {
      query.andWhere('i.model = :model', { model: filter.model });
    }
    if (filter.outcome !== undefined) {
      query.andWhere('i.outcome = :outcome', { outcome: filter.outcome });
    }
    if (filter.kind !== undefined) {
      query.andWhere('i.kind = :kind', { kind: filter.kind });
    }
    if (filter.cited !== undefined) {
      query.andWhere(CITED_CONDITIONS[filter.cited], {
        lowTopicCoverage: LOW_TOPIC_COVERAGE,
        lowSourceLead: LOW_SOURCE_LEAD,
      });
    }
    // The column is a `real`: the bounds are rounded to it as the stored value was.
    if (filter.minConfidence !== undefined) {
      query.andWhere('i.confidence >= CAST(:minConfidence AS real)', {
        minConfidence: filter.minConfidence,
      });
    }
    if (filter.belowConfidence !== undefined) {
      query.andWhere('i.confidence < CAST(:belowConfidence AS real)', {
        belowConfidence: filter.belowConfidence,
      });
    }
    const rated = `SELECT 1 FROM "llm"."interaction_feedback" f WHERE f.interaction_id = i.id`;
    switch (filter.feedback) {
      case 'up':
      case 'down':
        query.andWhere(`EXISTS (${rated} AND f.rating = :rating)`, { rating: filter.feedback });
        break;
      case 'any':
        query.andWhere(`EXISTS (${rated} AND f.rating IS NOT NULL)`);
        break;
      case 'none':
        query.andWhere(`NOT EXISTS (${rated} AND f.rating IS NOT NULL)`);
        break;
      case undefined:
        break;
    }
    if (filter.before !== undefined) {
      query.andWhere('(i.created_at, i.id) < (:beforeAt, :beforeId)', {
        beforeAt: filter.before.createdAt,
        beforeId: filter.before.id,
      });
    }
    return query.orderBy('i.created_at', 'DESC').addOrderBy('i.id', 'DESC').take(limit).getMany();
  }

  /**
   * Deletes up to `limit` of the oldest entries created before `cutoff`, with their feedback, in
   * one statement; resolves how many entries went.
   */
  async deleteCreatedBefore(cutoff: Date, limit: number): Promise<number> {
    const rows: { deleted: number }[] = await this.interactions.query(
      `WITH "gone" AS (
         DELETE FROM "llm"."interactions" WHERE "id" IN (
           SELECT "id" FROM "llm"."interactions" WHERE "created_at" < $1
           ORDER BY "created_at" LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING "id"
       ), "feedback" AS (
         DELETE FROM "llm"."interaction_feedback" "f" USING "gone" WHERE "f"."interaction_id" = "gone"."id"
       )
       SELECT count(*)::int AS "deleted" FROM "gone"`,
      [cutoff, limit],
    );
    return rows[0]?.deleted ?? 0;
  }

  /** Current (not withdrawn) feedback of these interactions. */
  async feedbackOf(interactionIds: readonly string[]): Promise<InteractionFeedbackEntity[]> {
    if (interactionIds.length === 0) {
      return [];
    }
    return this.feedback
      .createQueryBuilder('f')
      .where('f.interaction_id IN (:...ids)', { ids: interactionIds })
      .andWhere('f.rating IS NOT NULL')
      .orderBy('f.given_at', 'ASC')
      .getMany();
  }

  /** Keeps each user's latest feedback; an older (redelivered or late) event changes nothing. */
  async upsertFeedback(event: FeedbackRecorded): Promise<void> {
    await this.feedback.query(
      `INSERT INTO "llm"."interaction_feedback" ("interaction_id", "user_id", "rating", "comment", "given_at")
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ("interaction_id", "user_id") DO UPDATE
         SET "rating" = EXCLUDED."rating", "comment" = EXCLUDED."comment", "given_at" = EXCLUDED."given_at"
         WHERE "interaction_feedback"."given_at" <= EXCLUDED."given_at"`,
      [
        event.interactionId,
        event.userId,
        event.rating,
        event.comment ?? null,
        new Date(event.givenAt),
      ],
    );
  }
}
