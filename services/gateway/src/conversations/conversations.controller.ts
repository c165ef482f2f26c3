import {
  Body,
  Controller,
  Delete,
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
  Conversation,
  ConversationListQuery,
  ConversationPage,
  ConversationWithMessages,
  CreateConversationRequest,
  RenameConversationRequest,
} from '@deskpilot/contracts';

import type { AuthenticatedUser } from '../auth';
import { CurrentUser, Roles } from '../auth';
import {
  ApiErrorResponses,
  ApiJsonBody,
  ApiJsonQuery,
  ApiJsonResponse,
} from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ConversationsService } from './conversations.service';

const NOT_FOUND = { status: HttpStatus.NOT_FOUND, description: 'No such conversation of yours' };
const id = new ParseUUIDPipe();

@ApiTags('chat')
@ApiParam({ name: 'id', required: false, description: 'Conversation id (UUID)' })
@Controller('conversations')
@Roles('admin', 'staff')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Post()
  @ApiOperation({ summary: 'Start a conversation' })
  @ApiJsonBody(CreateConversationRequest)
  @ApiJsonResponse(HttpStatus.CREATED, Conversation)
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(CreateConversationRequest))
    body: z.output<typeof CreateConversationRequest>,
  ): Promise<Conversation> {
    return this.conversations.create(user, body.title);
  }

  @Get()
  @ApiOperation({ summary: 'Your conversations, latest activity first' })
  @ApiJsonQuery(ConversationListQuery)
  @ApiJsonResponse(HttpStatus.OK, ConversationPage)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodValidationPipe(ConversationListQuery))
    query: z.output<typeof ConversationListQuery>,
  ): Promise<ConversationPage> {
    return this.conversations.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A conversation with its messages, oldest first' })
  @ApiJsonResponse(HttpStatus.OK, ConversationWithMessages)
  @ApiErrorResponses(NOT_FOUND)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) conversationId: string,
  ): Promise<ConversationWithMessages> {
    return this.conversations.get(user, conversationId);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a conversation' })
  @ApiJsonBody(RenameConversationRequest)
  @ApiJsonResponse(HttpStatus.OK, Conversation)
  @ApiErrorResponses(NOT_FOUND)
  rename(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) conversationId: string,
    @Body(new ZodValidationPipe(RenameConversationRequest))
    body: z.output<typeof RenameConversationRequest>,
  ): Promise<Conversation> {
    return this.conversations.rename(user, conversationId, body.title);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a conversation with its messages and their feedback' })
  @ApiErrorResponses(NOT_FOUND)
  delete(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', id) conversationId: string,
  ): Promise<void> {
    return this.conversations.delete(user, conversationId);
  }
}
