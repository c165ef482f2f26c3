import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import {
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateUserRequest,
  User,
  UserListQuery,
  UserPage,
} from '@deskpilot/contracts';

import { Roles } from '../auth/access.decorators';
import {
  ApiErrorResponses,
  ApiJsonBody,
  ApiJsonQuery,
  ApiJsonResponse,
} from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { UserPasswordsService } from './user-passwords.service';
import { UsersService } from './users.service';

const NOT_FOUND = { status: HttpStatus.NOT_FOUND, description: 'No such user' };
const LAST_ADMIN = {
  status: HttpStatus.CONFLICT,
  description: 'Would leave no active administrator',
};
const id = new ParseUUIDPipe();

@ApiTags('users')
@ApiParam({ name: 'id', required: false, description: 'User id (UUID)' })
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: UserPasswordsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a user' })
  @ApiJsonBody(CreateUserRequest)
  @ApiJsonResponse(HttpStatus.CREATED, User)
  @ApiErrorResponses(
    { status: HttpStatus.BAD_REQUEST, description: 'Invalid fields or a weak password' },
    { status: HttpStatus.CONFLICT, description: 'The email address is taken' },
  )
  create(
    @Body(new ZodValidationPipe(CreateUserRequest)) body: z.output<typeof CreateUserRequest>,
  ): Promise<User> {
    return this.users.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List users, by email' })
  @ApiJsonQuery(UserListQuery)
  @ApiJsonResponse(HttpStatus.OK, UserPage)
  list(
    @Query(new ZodValidationPipe(UserListQuery)) query: z.output<typeof UserListQuery>,
  ): Promise<UserPage> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a user' })
  @ApiJsonResponse(HttpStatus.OK, User)
  @ApiErrorResponses(NOT_FOUND)
  get(@Param('id', id) userId: string): Promise<User> {
    return this.users.get(userId);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a user or change their role' })
  @ApiJsonBody(UpdateUserRequest)
  @ApiJsonResponse(HttpStatus.OK, User)
  @ApiErrorResponses(NOT_FOUND, LAST_ADMIN)
  update(
    @Param('id', id) userId: string,
    @Body(new ZodValidationPipe(UpdateUserRequest)) body: z.output<typeof UpdateUserRequest>,
  ): Promise<User> {
    return this.users.update(userId, body);
  }

  @Post(':id/disable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Disable a user; all their sessions end at once' })
  @ApiJsonResponse(HttpStatus.OK, User)
  @ApiErrorResponses(NOT_FOUND, LAST_ADMIN)
  disable(@Param('id', id) userId: string): Promise<User> {
    return this.users.disable(userId);
  }

  @Post(':id/enable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Enable a disabled user' })
  @ApiJsonResponse(HttpStatus.OK, User)
  @ApiErrorResponses(NOT_FOUND)
  enable(@Param('id', id) userId: string): Promise<User> {
    return this.users.enable(userId);
  }

  @Post(':id/unlock')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Lift a lockout after repeated failed sign-ins' })
  @ApiJsonResponse(HttpStatus.OK, User)
  @ApiErrorResponses(NOT_FOUND)
  unlock(@Param('id', id) userId: string): Promise<User> {
    return this.users.unlock(userId);
  }

  @Post(':id/password')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Set a new password; all their sessions end' })
  @ApiJsonBody(ResetPasswordRequest)
  @ApiJsonResponse(HttpStatus.OK, User)
  @ApiErrorResponses(NOT_FOUND, {
    status: HttpStatus.BAD_REQUEST,
    description: 'A weak password',
  })
  resetPassword(
    @Param('id', id) userId: string,
    @Body(new ZodValidationPipe(ResetPasswordRequest)) body: z.output<typeof ResetPasswordRequest>,
  ): Promise<User> {
    return this.passwords.reset(userId, body.password);
  }
}
