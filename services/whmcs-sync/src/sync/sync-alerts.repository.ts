import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';

import type { Actor } from '@deskpilot/contracts';

import type { SyncAlertKind } from './entities/sync-alert.entity';
import { SyncAlertRecord } from './entities/sync-alert.entity';

@Injectable()
export class SyncAlertsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get alerts() {
    return this.dataSource.getRepository(SyncAlertRecord);
  }

  findOpen(kind: SyncAlertKind): Promise<SyncAlertRecord | null> {
    return this.alerts.findOne({
      where: { kind, resolvedAt: IsNull() },
      order: { raisedAt: 'DESC' },
    });
  }

  async raise(kind: SyncAlertKind, message: string, fingerprint: string): Promise<SyncAlertRecord> {
    const alert = this.alerts.create({
      id: randomUUID(),
      kind,
      message,
      fingerprint,
      raisedAt: new Date(),
      resolvedAt: null,
      resolvedBy: null,
    });
    return this.alerts.save(alert);
  }

  async resolve(kind: SyncAlertKind, by: Actor | null): Promise<void> {
    await this.alerts.update(
      { kind, resolvedAt: IsNull() },
      { resolvedAt: new Date(), resolvedBy: by },
    );
  }

  /** Open alerts first, then the latest resolved ones. */
  recent(limit: number): Promise<SyncAlertRecord[]> {
    return this.alerts
      .createQueryBuilder('a')
      .orderBy('a.resolvedAt IS NULL', 'DESC')
      .addOrderBy('a.raisedAt', 'DESC')
      .limit(limit)
      .getMany();
  }
}
