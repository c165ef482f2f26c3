import { Inject, Injectable } from '@nestjs/common';

import type { LoginRequest } from '@deskpilot/contracts';
import { AuditAction } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { AuditService } from '../audit/audit.service';
import { patched } from '../database/patched';
import { PasswordHasher } from '../passwords/password-hasher';
import {
  LOCKOUT_DURATION_MS,
  LOCKOUT_THRESHOLD,
  LoginThrottle,
} from '../rate-limit/login-throttle.service';
import type { ClientInfo } from '../sessions/sessions.service';
import { SessionsService } from '../sessions/sessions.service';
import type { UserEntity } from '../users/entities/user.entity';
import { toUserView } from '../users/user.view';
import { UsersRepository } from '../users/users.repository';
import { AccessTokenService } from './access-token.service';
import { AuthErrorCode, AuthException } from './auth.exception';
import type { SignIn } from './sign-in';

/**
 * Sign-in with email and password. An unknown email, a wrong password and a disabled account get
 * the same answer after the same bcrypt work. Attempts are limited per client address and per
 * account name, and repeated wrong passwords lock the account for a while.
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionsService,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async login(credentials: Required<LoginRequest>, client: ClientInfo): Promise<SignIn> {
    const email = credentials.email;
    const admission = await this.throttle.admit(client.ip, email);
    if (!admission.allowed) {
      // Refusals are logged, not audited: under attack they would flood the audit log.
      this.logger.warn({ ip: client.ip, scope: admission.scope }, 'Sign-in refused by rate limit');
      throw new AuthException(
        admission.scope === 'ip'
          ? AuthErrorCode.TooManyAttemptsFromAddress
          : AuthErrorCode.AccountLocked,
        admission.retryAfterSeconds,
      );
    }
    const user = await this.users.findByEmail(email);
    const now = Date.now();
    if (user !== null && user.lockedUntil !== null && user.lockedUntil.getTime() > now) {
      throw new AuthException(
        AuthErrorCode.AccountLocked,
        (user.lockedUntil.getTime() - now) / 1000,
      );
    }
    const valid = await this.hasher.verify(credentials.password, user?.passwordHash);
    if (user === null || !valid || user.disabled) {
      await this.recordFailure(user, email, valid);
      throw new AuthException(AuthErrorCode.InvalidCredentials);
    }
    return this.signIn(user, credentials.password, client);
  }

  private async signIn(user: UserEntity, password: string, client: ClientInfo): Promise<SignIn> {
    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.users.update(user.id, { passwordHash: await this.hasher.hash(password) });
    }
    await this.users.recordSuccessfulLogin(user.id);
    await this.throttle.succeeded(client.ip, user.email);
    const session = await this.sessions.open(user.id, client);
    const access = await this.tokens.sign(user, session.sessionId);
    await this.audit.record({
      action: AuditAction.LoginSucceeded,
      actor: { id: user.id, email: user.email },
      target: { type: 'session', id: session.sessionId },
    });
    return {
      body: {
        accessToken: access.token,
        tokenType: 'Bearer',
        expiresIn: access.expiresIn,
        expiresAt: access.expiresAt.toISOString(),
        user: toUserView(
          patched(user, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() }),
        ),
      },
      refreshToken: session.refreshToken,
      refreshExpiresAt: session.expiresAt,
    };
  }

  private async recordFailure(
    user: UserEntity | null,
    email: string,
    passwordMatched: boolean,
  ): Promise<void> {
    if (user === null) {
      await this.audit.record({
        action: AuditAction.LoginFailed,
        actor: { id: null, email },
        details: { reason: 'unknown-account' },
      });
      return;
    }
    const actor = { id: user.id, email: user.email };
    if (passwordMatched) {
      await this.audit.record({
        action: AuditAction.LoginFailed,
        actor,
        details: { reason: 'account-disabled' },
      });
      return;
    }
    const lockUntil = new Date(Date.now() + LOCKOUT_DURATION_MS);
    const locked = await this.users.recordFailedLogin(user.id, LOCKOUT_THRESHOLD, lockUntil);
    await this.audit.record({
      action: AuditAction.LoginFailed,
      actor,
      details: { reason: 'wrong-password' },
    });
    if (locked) {
      await this.audit.record({
        action: AuditAction.AccountLocked,
        actor,
        target: { type: 'user', id: user.id },
        details: { lockedUntil: lockUntil.toISOString(), failedAttempts: LOCKOUT_THRESHOLD },
      });
    }
  }
}
