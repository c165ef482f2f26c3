import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';

import { AuditEntryEntity } from './entities/audit-entry.entity';

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

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(entry: AuditEntryEntity, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).insert(AuditEntryEntity, entry);
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
