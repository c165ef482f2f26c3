import { Module } from '@nestjs/common';

import { PasswordsModule } from '../passwords/passwords.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { SessionsModule } from '../sessions/sessions.module';
import { FirstAdminService } from './first-admin.service';
import { MeController } from './me.controller';
import { UserPasswordsService } from './user-passwords.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [PasswordsModule, RateLimitModule, SessionsModule],
  controllers: [UsersController, MeController],
  providers: [UsersRepository, UsersService, UserPasswordsService, FirstAdminService],
  exports: [UsersRepository, UsersService],
})
export class UsersModule {}
