import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';

import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { GATEWAY_CONFIG } from '../config/gateway-config.module';
import type { GatewayConfig } from '../config/gateway.config';
import { PasswordsModule } from '../passwords/passwords.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AccessTokenService } from './access-token.service';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { JwtAuthenticator } from './jwt-authenticator';
import { JWT_KEY, resolveJwtKey } from './jwt-key';
import { LoginService } from './login.service';
import { RouteInventory } from './route-inventory';
import { SessionTokensService } from './session-tokens.service';

/** Sign-in, sessions, and the global access guard every route passes. */
@Module({
  imports: [DiscoveryModule, PasswordsModule, RateLimitModule, SessionsModule, UsersModule],
  controllers: [AuthController],
  providers: [
    {
      provide: JWT_KEY,
      inject: [GATEWAY_CONFIG, LOGGER],
      useFactory: (config: GatewayConfig, logger: Logger) => resolveJwtKey(config, logger),
    },
    AccessTokenService,
    JwtAuthenticator,
    LoginService,
    SessionTokensService,
    RouteInventory,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [RouteInventory, AccessTokenService],
})
export class AuthModule {}
