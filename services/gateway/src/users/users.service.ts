import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';

import type { CreateUserRequest, Role, User, UserListQuery, UserPage } from '@deskpilot/contracts';
import { AuditAction } from '@deskpilot/contracts';

import { AuditService } from '../audit/audit.service';
import { patched } from '../database/patched';
import { PasswordHasher } from '../passwords/password-hasher';
import { passwordProblems } from '../passwords/password-policy';
import { LoginThrottle } from '../rate-limit/login-throttle.service';
import { SessionsService } from '../sessions/sessions.service';
import type { UserEntity } from './entities/user.entity';
import { toUserView } from './user.view';
import { UsersErrorCode, UsersException } from './users.exception';
import type { UserChange } from './users.repository';
import { UsersRepository } from './users.repository';

export type NewUser = z.output<typeof CreateUserRequest>;

/** Who created an account: an admin through the API (the default) or the system at first start. */
export type CreatedBy = { readonly system: true; readonly source: string } | undefined;

/**
 * User administration. Invariant: at least one enabled admin exists; demoting or disabling the
 * last one is refused, under a lock so two admins cannot demote each other at once.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async create(request: NewUser, createdBy?: CreatedBy): Promise<User> {
    const problems = passwordProblems(request.password, { email: request.email });
    if (problems.length > 0) {
      throw new UsersException(UsersErrorCode.WeakPassword, problems);
    }
    const now = new Date();
    const user: UserEntity = {
      id: randomUUID(),
      email: request.email,
      name: request.name,
      role: request.role,
      passwordHash: await this.hasher.hash(request.password),
      disabled: false,
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: null,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.users.insertIfAbsent(user))) {
      throw new UsersException(UsersErrorCode.EmailTaken);
    }
    await this.audit.record({
      action: AuditAction.UserCreated,
      target: { type: 'user', id: user.id },
      details: { email: user.email, name: user.name, role: user.role },
      ...(createdBy === undefined ? {} : { actor: null }),
    });
    return toUserView(user);
  }

  async list(query: z.output<typeof UserListQuery>): Promise<UserPage> {
    const { items, total } = await this.users.findPage({
      search: query.search,
      role: query.role,
      status: query.status,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    const now = new Date();
    return {
      items: items.map((user) => toUserView(user, now)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  async get(id: string): Promise<User> {
    return toUserView(await this.require(id));
  }

  async update(id: string, patch: { name?: string; role?: Role }): Promise<User> {
    const { before, after } = await this.users.transaction(async (manager) => {
      const user = await this.require(id, manager);
      if (patch.role === 'staff' && user.role === 'admin' && !user.disabled) {
        await this.assertAnotherActiveAdmin(user.id, manager);
      }
      const change: UserChange = {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.role === undefined ? {} : { role: patch.role }),
      };
      await this.users.update(id, change, manager);
      return { before: user, after: patched(user, { ...change, updatedAt: new Date() }) };
    });
    const changes = diff(before, after, ['name', 'role']);
    if (Object.keys(changes).length > 0) {
      await this.audit.record({
        action: AuditAction.UserUpdated,
        target: { type: 'user', id },
        details: { email: before.email, changes },
      });
    }
    return toUserView(after);
  }

  /** Disables the account and ends all its sessions in the same transaction. */
  async disable(id: string): Promise<User> {
    const result = await this.users.transaction(async (manager) => {
      const user = await this.require(id, manager);
      if (user.disabled) {
        return { user, revokedSessions: undefined };
      }
      if (user.role === 'admin') {
        await this.assertAnotherActiveAdmin(user.id, manager);
      }
      await this.users.update(id, { disabled: true }, manager);
      const revokedSessions = await this.sessions.revokeAllForUser(id, 'user_disabled', {
        manager,
      });
      return { user: patched(user, { disabled: true, updatedAt: new Date() }), revokedSessions };
    });
    if (result.revokedSessions !== undefined) {
      await this.audit.record({
        action: AuditAction.UserDisabled,
        target: { type: 'user', id },
        details: { email: result.user.email, revokedSessions: result.revokedSessions },
      });
    }
    return toUserView(result.user);
  }

  async enable(id: string): Promise<User> {
    const user = await this.require(id);
    if (!user.disabled) {
      return toUserView(user);
    }
    await this.users.update(id, { disabled: false });
    await this.audit.record({
      action: AuditAction.UserEnabled,
      target: { type: 'user', id },
      details: { email: user.email },
    });
    return toUserView(patched(user, { disabled: false, updatedAt: new Date() }));
  }

  /** Lifts a lockout and forgets the account's recent failed sign-ins. */
  async unlock(id: string): Promise<User> {
    const user = await this.require(id);
    await this.users.update(id, { failedLoginCount: 0, lockedUntil: null });
    await this.throttle.clearAccount(user.email);
    await this.audit.record({
      action: AuditAction.UserUnlocked,
      target: { type: 'user', id },
      details: { email: user.email, wasLockedUntil: user.lockedUntil?.toISOString() ?? null },
    });
    return toUserView(
      patched(user, { failedLoginCount: 0, lockedUntil: null, updatedAt: new Date() }),
    );
  }

  private async require(id: string, manager?: EntityManager): Promise<UserEntity> {
    const user = await this.users.findById(id, manager);
    if (user === null) {
      throw new UsersException(UsersErrorCode.NotFound);
    }
    return user;
  }

  private async assertAnotherActiveAdmin(userId: string, manager: EntityManager): Promise<void> {
    await this.users.lockAdminRoster(manager);
    if ((await this.users.countActiveAdminsExcept(userId, manager)) === 0) {
      throw new UsersException(UsersErrorCode.LastAdmin);
    }
  }
}

function diff<T extends object, K extends keyof T & string>(
  before: T,
  after: T,
  keys: readonly K[],
): Record<string, { from: T[K]; to: T[K] }> {
  const changes: Record<string, { from: T[K]; to: T[K] }> = {};
  for (const key of keys) {
    if (before[key] !== after[key]) {
      changes[key] = { from: before[key], to: after[key] };
    }
  }
  return changes;
}
