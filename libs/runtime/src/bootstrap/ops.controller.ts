import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';

import { metricsRegistry } from '@deskpilot/observability';

import { HealthRegistry } from '../health/health-registry';

/** Probes and metrics of a worker running as its own process (Kubernetes, compose). */
@Controller()
export class OpsController {
  constructor(private readonly health: HealthRegistry) {}

  @Get('health')
  async healthCheck(@Res() response: Response): Promise<void> {
    const report = await this.health.report();
    response.status(report.status === 'up' ? 200 : 503).json(report);
  }

  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
