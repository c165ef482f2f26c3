import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import type { Liveness } from '@deskpilot/contracts';
import type { ServiceIdentity } from '@deskpilot/runtime';
import { HealthRegistry, SERVICE_IDENTITY } from '@deskpilot/runtime';

import { Public } from '../auth/access.decorators';
import { SystemHealthService } from './system-health.service';

/**
 * Three questions with different answers: is the whole product ready (`/api/health`, for
 * operators and monitoring), can this gateway take traffic (`/ready`, its own database and bus)
 * and is the process alive at all (`/live`, never depends on anything else).
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly system: SystemHealthService,
    private readonly health: HealthRegistry,
    @Inject(SERVICE_IDENTITY) private readonly identity: ServiceIdentity,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Readiness of every service and dependency (503 if any is down)' })
  async check(@Res() response: Response): Promise<void> {
    const health = await this.system.check();
    response
      .status(health.status === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json(health);
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary: "Readiness of this gateway: its own database and bus, not the workers' (503 if down)",
  })
  async ready(@Res() response: Response): Promise<void> {
    const health = await this.health.report();
    response
      .status(health.status === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json(health);
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness of this gateway process (200 while it serves HTTP)' })
  live(): Liveness {
    return {
      status: 'up',
      service: this.identity.service,
      instanceId: this.identity.instanceId,
      version: this.identity.version,
      uptimeSeconds: Math.round((Date.now() - this.identity.startedAt.getTime()) / 1000),
    };
  }
}
