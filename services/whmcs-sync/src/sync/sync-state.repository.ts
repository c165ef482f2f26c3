import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { queryRows } from '../database/query-rows';
import { SyncState } from './entities/sync-state.entity';

const POLLER = 'poller';

@Injectable()
export class SyncStateRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async get(): Promise<SyncState | null> {
    return this.dataSource.getRepository(SyncState).findOneBy({ name: POLLER });
  }

  /** Takes the polling lease if it is free, expired or already ours: one replica polls at a time. */
  async acquireLease(owner: string, until: Date): Promise<boolean> {
    const rows = await queryRows<unknown>(
      this.dataSource,
      `INSERT INTO "whmcs_sync"."sync_state" ("name", "lease_owner", "lease_until")
       VALUES ($1, $2, $3)
       ON CONFLICT ("name") DO UPDATE
         SET "lease_owner" = EXCLUDED."lease_owner", "lease_until" = EXCLUDED."lease_until"
         WHERE "sync_state"."lease_owner" IS NULL
            OR "sync_state"."lease_until" < now()
            OR "sync_state"."lease_owner" = EXCLUDED."lease_owner"
       RETURNING "name"`,
      [POLLER, owner, until],
    );
    return rows.length > 0;
  }

  async releaseLease(owner: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "whmcs_sync"."sync_state" SET "lease_owner" = NULL, "lease_until" = NULL
       WHERE "name" = $1 AND "lease_owner" = $2`,
      [POLLER, owner],
    );
  }

  async record(patch: QueryDeepPartialEntity<SyncState>): Promise<void> {
    await this.dataSource
      .getRepository(SyncState)
      .upsert({ name: POLLER, ...patch }, { conflictPaths: ['name'] });
  }
}
