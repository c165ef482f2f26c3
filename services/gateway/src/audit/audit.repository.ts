import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';

import { deleteOldestRows } from '@deskpilot/persistence';

import { AuditEntryEntity } from './entities/audit-entry.entity';

const AUDIT_LOG = { schema: 'gateway', table: 'audit_log', column: 'occurred_at' };

export interface AuditFilter {
  readonly actorId?: string | undefined;
  readonly actorEmail?: string | undefined;
  /** Exact action, or a prefix when `actionPrefix` is set. */
  readonly action?: string | undefined;
  readonly actionPrefix?: boolean;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  readonly offset: number;
  readonly limit: number;
}

/** What happens to an entry whose id is already stored. */
export type DuplicateEntry = 'keep' | 'replace';

/** Every column but the id: what a replacing report overwrites. */
const REPORTED_COLUMNS = [
  'occurred_at',
  'actor_id',
  'actor_email',
  'action',
  'target_type',
  'target_id',
  'details',
  'ip',
  'user_agent',
  'correlation_id',
];

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the entry; one whose id exists is an error unless `duplicate` says what to do. */
  async insert(
    entry: AuditEntryEntity,
    manager?: EntityManager,
    duplicate?: DuplicateEntry,
  ): Promise<void> {
    const target = manager ?? this.dataSource.manager;
    if (duplicate === undefined) {
      await target.insert(AuditEntryEntity, entry);
      return;
    }
    const query = target.createQueryBuilder().insert().into(AuditEntryEntity).values(entry);
    await (
      duplicate === 'keep' ? query.orIgnore() : query.orUpdate(REPORTED_COLUMNS, ['id'])
    ).execute();
  }

  /** Deletes up to `limit` of the oldest entries from before `cutoff`; resolves how many went. */
  deleteOccurredBefore(cutoff: Date, limit: number): Promise<number> {
    return deleteOldestRows(this.dataSource, AUDIT_LOG, cutoff, limit);
  }

  /** Newest first. */
  async findPage(filter: AuditFilter): Promise<{ items: AuditEntryEntity[]; total: number }> {
    const query = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (filter.actorId !== undefined) {
      query.andWhere('a.actorId = :actorId', { actorId: filter.actorId });
    }
    if (filter.actorEmail !== undefined) {
      query.andWhere('a.actorEmail = :actorEmail', { actorEmail: filter.actorEmail });
    }
    if (filter.action !== undefined) {
      if (filter.actionPrefix === true) {
        query.andWhere(`a.action LIKE :prefix ESCAPE '\\'`, {
          prefix: `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        });
      } else {
        query.andWhere('a.action = :action', { action: filter.action });
      }
    }
    if (filter.from !== undefined) {
      query.andWhere('a.occurredAt >= :from', { from: filter.from });
    }
    if (filter.to !== undefined) {
      query.andWhere('a.occurredAt < :to', { to: filter.to });
    }
    const [items, total] = await query
      .orderBy('a.occurredAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
    return { items, total };
  }
}
