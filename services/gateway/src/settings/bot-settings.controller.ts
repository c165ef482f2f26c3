import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import {
  BotSettingsDiff,
  BotSettingsDiffQuery,
  BotSettingsHistory,
  BotSettingsHistoryQuery,
  BotSettingsVersion,
  RollbackBotSettingsRequest,
  SaveBotSettingsRequest,
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
import { BotSettingsService } from './bot-settings.service';

const NOT_FOUND = { status: HttpStatus.NOT_FOUND, description: 'No such settings version' };

@ApiTags('settings')
@Controller('settings/bot')
@Roles('admin')
export class BotSettingsController {
  constructor(private readonly settings: BotSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'The current bot settings (version 0: the defaults, nothing saved)' })
  @ApiJsonResponse(HttpStatus.OK, BotSettingsVersion)
  current(): Promise<BotSettingsVersion> {
    return this.settings.current();
  }

  @Put()
  @ApiOperation({ summary: 'Save new settings as the next version; llm uses it at once' })
  @ApiJsonBody(SaveBotSettingsRequest)
  @ApiJsonResponse(HttpStatus.OK, BotSettingsVersion)
  @ApiErrorResponses(
    { status: HttpStatus.BAD_REQUEST, description: 'Invalid settings' },
    { status: HttpStatus.CONFLICT, description: 'Saved concurrently by someone else' },
  )
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(SaveBotSettingsRequest))
    body: z.output<typeof SaveBotSettingsRequest>,
  ): Promise<BotSettingsVersion> {
    const { note, ...settings } = body;
    return this.settings.update(user, settings, note ?? null);
  }

  @Get('versions')
  @ApiOperation({ summary: 'Every saved version, newest first' })
  @ApiJsonQuery(BotSettingsHistoryQuery)
  @ApiJsonResponse(HttpStatus.OK, BotSettingsHistory)
  history(
    @Query(new ZodValidationPipe(BotSettingsHistoryQuery))
    query: z.output<typeof BotSettingsHistoryQuery>,
  ): Promise<BotSettingsHistory> {
    return this.settings.history(query);
  }

  @Get('versions/:version')
  @ApiOperation({ summary: 'One saved version (0: the defaults)' })
  @ApiParam({ name: 'version', required: false, description: 'Version number' })
  @ApiJsonResponse(HttpStatus.OK, BotSettingsVersion)
  @ApiErrorResponses(NOT_FOUND)
  get(@Param('version', ParseIntPipe) version: number): Promise<BotSettingsVersion> {
    return this.settings.get(version);
  }

  @Get('diff')
  @ApiOperation({ summary: 'The fields that differ between two versions' })
  @ApiJsonQuery(BotSettingsDiffQuery)
  @ApiJsonResponse(HttpStatus.OK, BotSettingsDiff)
  @ApiErrorResponses(NOT_FOUND)
  diff(
    @Query(new ZodValidationPipe(BotSettingsDiffQuery))
    query: z.output<typeof BotSettingsDiffQuery>,
  ): Promise<BotSettingsDiff> {
    return this.settings.diff(query.from, query.to);
  }

  @Post('rollback')
  @ApiOperation({ summary: 'Make an older version current again, as a new version' })
  @ApiJsonBody(RollbackBotSettingsRequest)
  @ApiJsonResponse(HttpStatus.CREATED, BotSettingsVersion)
  @ApiErrorResponses(NOT_FOUND)
  rollback(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(RollbackBotSettingsRequest))
    body: z.output<typeof RollbackBotSettingsRequest>,
  ): Promise<BotSettingsVersion> {
    return this.settings.rollback(user, body.version, body.note ?? null);
  }
}
