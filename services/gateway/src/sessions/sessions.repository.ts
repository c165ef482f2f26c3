import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource, IsNull } from 'typeorm';

import type { Role } from '@deskpilot/contracts';

import { UserEntity } from '../users/entities/user.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { SessionEntity } from './entities/session.entity';
import type { RevocationReason } from './session-lifetimes';

export interface SessionOwner {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly disabled: boolean;
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs the work in one transaction; every statement inside must use the given manager. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertSession(session: SessionEntity, manager?: EntityManager): Promise<void> {
    await this.manager(manager).insert(SessionEntity, session);
  }

  async insertToken(token: RefreshTokenEntity, manager?: EntityManager): Promise<void> {
    await this.manager(manager).insert(RefreshTokenEntity, token);
  }

  /** The token row, locked until the transaction ends so concurrent uses are serialised. */
  findTokenForUpdate(
    tokenHash: string,
    manager: EntityManager,
  ): Promise<RefreshTokenEntity | null> {
    return manager.findOne(RefreshTokenEntity, {
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
  }

  findTokenByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.dataSource.manager.findOne(RefreshTokenEntity, { where: { tokenHash } });
  }

  findSession(id: string, manager?: EntityManager): Promise<SessionEntity | null> {
    return this.manager(manager).findOne(SessionEntity, { where: { id } });
  }

  async findOwner(userId: string, manager?: EntityManager): Promise<SessionOwner | null> {
    return this.manager(manager).findOne(UserEntity, {
      where: { id: userId },
      select: { id: true, email: true, name: true, role: true, disabled: true },
    });
  }

  /** Marks the token used; false when another request used it first. */
  async markRotated(tokenId: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.update(
      RefreshTokenEntity,
      { id: tokenId, rotatedAt: IsNull() },
      { rotatedAt: new Date() },
    );
    return (result.affected ?? 0) === 1;
  }

  async touchSession(id: string, manager: EntityManager): Promise<void> {
    await manager.update(SessionEntity, { id }, { lastUsedAt: new Date() });
  }

  async revokeSession(
    id: string,
    reason: RevocationReason,
    manager?: EntityManager,
  ): Promise<boolean> {
    const result = await this.manager(manager).update(
      SessionEntity,
      { id, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    return (result.affected ?? 0) > 0;
  }

  async revokeUserSessions(
    userId: string,
    reason: RevocationReason,
    exceptSessionId: string | undefined,
    manager?: EntityManager,
  ): Promise<number> {
    const query = this.manager(manager)
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (exceptSessionId !== undefined) {
      query.andWhere('id <> :exceptSessionId', { exceptSessionId });
    }
    const result = await query.execute();
    return result.affected ?? 0;
  }

  /**
   * The owner of a live session (not revoked, not expired, user enabled), or undefined: the
   * check behind every authenticated request, one indexed lookup.
   */
  async findActiveSessionOwner(
    sessionId: string,
    userId: string,
  ): Promise<SessionOwner | undefined> {
    const row = await this.dataSource
      .createQueryBuilder()
      .select('u.id', 'id')
      .addSelect('u.email', 'email')
      .addSelect('u.name', 'name')
      .addSelect('u.role', 'role')
      .addSelect('u.disabled', 'disabled')
      .from(SessionEntity, 's')
      .innerJoin(UserEntity, 'u', 'u.id = s.user_id')
      .where('s.id = :sessionId AND s.user_id = :userId', { sessionId, userId })
      .andWhere('s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled = false')
      .getRawOne<SessionOwner>();
    return row ?? undefined;
  }

  async deleteEndedBefore(cutoff: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(SessionEntity)
      .where('expires_at < :cutoff OR revoked_at < :cutoff', { cutoff })
      .execute();
  }

  private manager(manager: EntityManager | undefined): EntityManager {
    return manager ?? this.dataSource.manager;
  }
}
