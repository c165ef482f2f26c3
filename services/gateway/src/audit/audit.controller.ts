import { Controller, Get, HttpStatus, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';

import { AuditPage, AuditQuery } from '@deskpilot/contracts';

import { Roles } from '../auth/access.decorators';
import { ApiJsonQuery, ApiJsonResponse } from '../http/openapi.decorators';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Audit log, newest first, filtered by actor, action and time' })
  @ApiJsonQuery(AuditQuery)
  @ApiJsonResponse(HttpStatus.OK, AuditPage)
  list(
    @Query(new ZodValidationPipe(AuditQuery)) query: z.output<typeof AuditQuery>,
  ): Promise<AuditPage> {
    return this.audit.list(query);
  }
}
