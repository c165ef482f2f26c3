import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Public } from '../auth/access.decorators';
import { SystemHealthService } from './system-health.service';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly system: SystemHealthService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Readiness of every service and dependency (503 if any is down)' })
  async check(@Res() response: Response): Promise<void> {
    const health = await this.system.check();
    response
      .status(health.status === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json(health);
  }
}
