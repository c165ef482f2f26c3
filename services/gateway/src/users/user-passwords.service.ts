import { Injectable } from '@nestjs/common';

import { AuditAction } from '@deskpilot/contracts';
import type { User } from '@deskpilot/contracts';

import { AuditService } from '../audit/audit.service';
import { AuthErrorCode, AuthException } from '../auth/auth.exception';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { patched } from '../database/patched';
import { currentRequestScope } from '../http/request-scope';
import { PasswordHasher } from '../passwords/password-hasher';
import { passwordProblems } from '../passwords/password-policy';
import { LoginThrottle } from '../rate-limit/login-throttle.service';
import { SessionsService } from '../sessions/sessions.service';
import type { UserEntity } from './entities/user.entity';
import { toUserView } from './user.view';
import { UsersErrorCode, UsersException } from './users.exception';
import { UsersRepository } from './users.repository';

/** Password resets by an admin, and users changing their own password. */
@Injectable()
export class UserPasswordsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  /** Sets a new password, lifts any lockout and ends every session of the user. */
  async reset(id: string, password: string): Promise<User> {
    const user = await this.users.findById(id);
    if (user === null) {
      throw new UsersException(UsersErrorCode.NotFound);
    }
    const updated = await this.replace(user, password);
    const revokedSessions = await this.sessions.revokeAllForUser(id, 'password_reset');
    await this.throttle.clearAccount(user.email);
    await this.audit.record({
      action: AuditAction.PasswordReset,
      target: { type: 'user', id },
      details: { email: user.email, revokedSessions },
    });
    return toUserView(updated);
  }

  /**
   * Needs the current password (guesses count against the account like sign-in attempts). Other
   * sessions of the user end; the one making the change stays signed in.
   */
  async changeOwn(
    caller: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const ip = currentRequestScope()?.ip ?? null;
    const admission = await this.throttle.admit(ip, caller.email);
    if (!admission.allowed) {
      throw new AuthException(
        admission.scope === 'ip'
          ? AuthErrorCode.TooManyAttemptsFromAddress
          : AuthErrorCode.AccountLocked,
        admission.retryAfterSeconds,
      );
    }
    const user = await this.users.findById(caller.id);
    if (user === null || !(await this.hasher.verify(currentPassword, user.passwordHash))) {
      throw new UsersException(UsersErrorCode.WrongCurrentPassword);
    }
    await this.throttle.succeeded(ip, caller.email);
    if (newPassword === currentPassword) {
      throw new UsersException(UsersErrorCode.WeakPassword, ['must differ from the current one']);
    }
    await this.replace(user, newPassword);
    const revokedSessions = await this.sessions.revokeAllForUser(user.id, 'password_changed', {
      except: caller.sessionId,
    });
    await this.audit.record({
      action: AuditAction.PasswordChanged,
      target: { type: 'user', id: user.id },
      details: { revokedSessions },
    });
  }

  private async replace(user: UserEntity, password: string): Promise<UserEntity> {
    const problems = passwordProblems(password, { email: user.email });
    if (problems.length > 0) {
      throw new UsersException(UsersErrorCode.WeakPassword, problems);
    }
    const now = new Date();
    const change = {
      passwordHash: await this.hasher.hash(password),
      passwordChangedAt: now,
      failedLoginCount: 0,
      lockedUntil: null,
    };
    await this.users.update(user.id, change);
    return patched(user, { ...change, updatedAt: now });
  }
}
