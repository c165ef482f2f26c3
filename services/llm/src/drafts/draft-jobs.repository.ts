import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Repository } from 'typeorm';

import type { DraftFailed, DraftGenerated } from '@deskpilot/contracts';
import type { AgingTable } from '@deskpilot/persistence';
import { deleteOldestRows } from '@deskpilot/persistence';

import type { DraftJobState } from './entities/draft-job.entity';
import { DraftJobEntity } from './entities/draft-job.entity';

const DRAFT_JOBS: AgingTable = {
  schema: 'llm',
  table: 'draft_jobs',
  column: 'claimed_at',
  key: 'draft_id',
};

@Injectable()
export class DraftJobsRepository {
  private readonly jobs: Repository<DraftJobEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.jobs = dataSource.getRepository(DraftJobEntity);
  }

  /**
   * Takes the draft for this replica: new, failed before, abandoned by a replica that died
   * (claimed before `staleBefore`), or left running by this replica's own attempt `retaking`,
   * which ended in an error. Resolves false when it is done or in progress elsewhere.
   */
  async claim(
    draftId: string,
    ticketId: string,
    interactionId: string,
    staleBefore: Date,
    retaking: string | null = null,
  ): Promise<boolean> {
    const rows: unknown[] = await this.jobs.query(
      `INSERT INTO "llm"."draft_jobs" ("draft_id", "ticket_id", "state", "interaction_id", "result", "claimed_at")
       VALUES ($1, $2, 'running', $3, NULL, now())
       ON CONFLICT ("draft_id") DO UPDATE
         SET "state" = 'running', "interaction_id" = EXCLUDED."interaction_id", "result" = NULL,
             "claimed_at" = now()
         WHERE "draft_jobs"."state" = 'failed'
            OR ("draft_jobs"."state" = 'running' AND "draft_jobs"."claimed_at" < $4)
            OR ("draft_jobs"."state" = 'running' AND "draft_jobs"."interaction_id" = $5)
       RETURNING "draft_id"`,
      [draftId, ticketId, interactionId, staleBefore, retaking],
    );
    return rows.length > 0;
  }

  /** Renews this attempt's claim: a claim nobody renews goes stale. */
  async renew(draftId: string, interactionId: string): Promise<void> {
    await this.jobs.query(
      `UPDATE "llm"."draft_jobs" SET "claimed_at" = now()
       WHERE "draft_id" = $1 AND "interaction_id" = $2 AND "state" = 'running'`,
      [draftId, interactionId],
    );
  }

  /**
   * Forgets up to `limit` of the jobs claimed longest ago, before `cutoff` (rows another replica
   * is deleting are skipped); resolves how many went.
   */
  deleteClaimedBefore(cutoff: Date, limit: number): Promise<number> {
    return deleteOldestRows(this.dataSource, DRAFT_JOBS, cutoff, limit);
  }

  find(draftId: string): Promise<DraftJobEntity | null> {
    return this.jobs.findOneBy({ draftId });
  }

  async complete(
    draftId: string,
    state: Exclude<DraftJobState, 'running'>,
    result: DraftGenerated | DraftFailed,
  ): Promise<void> {
    await this.jobs.update({ draftId }, { state, result });
  }
}
