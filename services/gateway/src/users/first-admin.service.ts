import type { OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';

import { ConfigError } from '@deskpilot/config';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { GATEWAY_CONFIG } from '../config/gateway-config.module';
import type { GatewayConfig } from '../config/gateway.config';
import { passwordProblems } from '../passwords/password-policy';
import { UsersException } from './users.exception';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** The sign-in created on an embedded first start, to be shown once to whoever started it. */
export interface InitialAdminLogin {
  readonly email: string;
  readonly password: string;
}

export const EMBEDDED_ADMIN_EMAIL = 'admin@deskpilot.local';

// No look-alike characters (0/O, 1/l/I), so the password can be typed from the terminal.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GENERATED_LENGTH = 20;

/**
 * First start. With ADMIN_EMAIL and ADMIN_PASSWORD, that admin is created unless the email
 * already has an account (idempotent; an existing password is never changed). Without them and
 * without any user, the embedded mode creates an admin with a random password for the launcher
 * to print once; a standalone gateway refuses to start, since nobody could ever sign in.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private generated: InitialAdminLogin | undefined;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly users: UsersRepository,
    private readonly accounts: UsersService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (admin !== undefined) {
      await this.ensure(admin.email, admin.password, 'ADMIN_EMAIL');
      return;
    }
    if ((await this.users.count()) > 0) {
      return;
    }
    if (this.config.mode === 'standalone') {
      throw new ConfigError([
        {
          variable: 'ADMIN_EMAIL',
          message: 'and ADMIN_PASSWORD are required to create the first administrator',
        },
      ]);
    }
    const password = generatePassword();
    if (await this.ensure(EMBEDDED_ADMIN_EMAIL, password, 'embedded first start')) {
      this.generated = { email: EMBEDDED_ADMIN_EMAIL, password };
    }
  }

  /** The generated sign-in, once: later calls (and later starts) return undefined. */
  takeGeneratedLogin(): InitialAdminLogin | undefined {
    const login = this.generated;
    this.generated = undefined;
    return login;
  }

  private async ensure(email: string, password: string, source: string): Promise<boolean> {
    const existing = await this.users.findByEmail(email);
    if (existing !== null) {
      if (existing.role !== 'admin' || existing.disabled) {
        this.logger.warn(
          { email },
          'ADMIN_EMAIL names an account that is not an enabled admin; it was left unchanged',
        );
      }
      return false;
    }
    try {
      await this.accounts.create(
        { email, password, role: 'admin', name: 'Administrator' },
        { system: true, source },
      );
    } catch (error) {
      // Another replica created it at the same moment.
      if (error instanceof UsersException && (await this.users.findByEmail(email)) !== null) {
        return false;
      }
      throw error;
    }
    this.logger.info({ email, source }, 'Created the first administrator');
    return true;
  }
}

function generatePassword(): string {
  for (;;) {
    const password = Array.from(
      { length: GENERATED_LENGTH },
      () => ALPHABET[randomInt(ALPHABET.length)],
    ).join('');
    if (passwordProblems(password, { email: EMBEDDED_ADMIN_EMAIL }).length === 0) {
      return password;
    }
  }
}
