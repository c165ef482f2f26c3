import { Body, Controller, Get, HttpCode, HttpStatus, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import { ChangeOwnPasswordRequest, User } from '@deskpilot/contracts';

import { Authenticated } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiErrorResponses, ApiJsonBody, ApiJsonResponse } from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { UserPasswordsService } from './user-passwords.service';
import { UsersService } from './users.service';

@ApiTags('me')
@Controller('me')
@Authenticated()
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: UserPasswordsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user and their role' })
  @ApiJsonResponse(HttpStatus.OK, User)
  me(@CurrentUser() caller: AuthenticatedUser): Promise<User> {
    return this.users.get(caller.id);
  }

  @Put('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Change your own password',
    description: 'Needs the current password. Your other sessions end; this one stays signed in.',
  })
  @ApiJsonBody(ChangeOwnPasswordRequest)
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiErrorResponses(
    { status: HttpStatus.BAD_REQUEST, description: 'Wrong current password or weak new one' },
    { status: HttpStatus.TOO_MANY_REQUESTS, description: 'Too many wrong current passwords' },
  )
  changePassword(
    @CurrentUser() caller: AuthenticatedUser,
    @Body(new ZodValidationPipe(ChangeOwnPasswordRequest))
    body: z.output<typeof ChangeOwnPasswordRequest>,
  ): Promise<void> {
    return this.passwords.changeOwn(caller, body.currentPassword, body.newPassword);
  }
}
