import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';

import type { Role, UserStatus } from '@deskpilot/contracts';

import { UserEntity } from './entities/user.entity';

export interface UserFilter {
  readonly search?: string | undefined;
  readonly role?: Role | undefined;
  readonly status?: UserStatus | undefined;
  readonly offset: number;
  readonly limit: number;
}

export type UserChange = Partial<
  Pick<
    UserEntity,
    | 'name'
    | 'role'
    | 'disabled'
    | 'passwordHash'
    | 'passwordChangedAt'
    | 'failedLoginCount'
    | 'lockedUntil'
  >
>;

/** Serialises changes that could leave the product without an active administrator. */
const ADMIN_ROSTER_LOCK = 'deskpilot:gateway:admin-roster';

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.manager(manager).findOne(UserEntity, { where: { id } });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  /** Inserts the user; false when the email is already taken (case-insensitively). */
  async insertIfAbsent(user: UserEntity): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(user)
      .orIgnore()
      .returning(['id'])
      .execute();
    // Identifiers echo the values given; only the returned rows tell whether a row was written.
    return Array.isArray(result.raw) && result.raw.length > 0;
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).count();
  }

  async findPage(filter: UserFilter): Promise<{ items: UserEntity[]; total: number }> {
    const query = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (filter.search !== undefined) {
      const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        `(lower(u.email) LIKE :pattern ESCAPE '\\' OR lower(u.name) LIKE :pattern ESCAPE '\\')`,
        {
          pattern,
        },
      );
    }
    if (filter.role !== undefined) {
      query.andWhere('u.role = :role', { role: filter.role });
    }
    switch (filter.status) {
      case undefined:
        break;
      case 'active':
        query.andWhere('u.disabled = false AND (u.lockedUntil IS NULL OR u.lockedUntil <= now())');
        break;
      case 'disabled':
        query.andWhere('u.disabled = true');
        break;
      case 'locked':
        query.andWhere('u.lockedUntil > now()');
        break;
    }
    const [items, total] = await query
      .orderBy('lower(u.email)', 'ASC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
    return { items, total };
  }

  async update(id: string, change: UserChange, manager?: EntityManager): Promise<void> {
    await this.manager(manager).update(UserEntity, { id }, { ...change, updatedAt: new Date() });
  }

  /** Takes the admin roster lock for the rest of the transaction. */
  async lockAdminRoster(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ADMIN_ROSTER_LOCK]);
  }

  countActiveAdminsExcept(userId: string, manager: EntityManager): Promise<number> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where("u.role = 'admin' AND u.disabled = false AND u.id <> :userId", { userId })
      .getCount();
  }

  /**
   * Counts a failed sign-in; at the threshold the account locks until `lockUntil` and the counter
   * starts again. Returns whether this failure locked it.
   */
  async recordFailedLogin(id: string, threshold: number, lockUntil: Date): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [{ locked: boolean }[], number] = await this.dataSource.query(
      `UPDATE "gateway"."users" SET
         "locked_until" = CASE WHEN "failed_login_count" + 1 >= $2 THEN $3 ELSE "locked_until" END,
         "failed_login_count" = CASE WHEN "failed_login_count" + 1 >= $2 THEN 0
           ELSE "failed_login_count" + 1 END
       WHERE "id" = $1
       RETURNING "locked_until" IS NOT DISTINCT FROM $3::timestamptz AS "locked"`,
      [id, threshold, lockUntil],
    );
    return rows[0]?.locked ?? false;
  }

  async recordSuccessfulLogin(id: string): Promise<void> {
    await this.dataSource.manager.update(
      UserEntity,
      { id },
      { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() },
    );
  }

  private manager(manager: EntityManager | undefined): EntityManager {
    return manager ?? this.dataSource.manager;
  }
}
