import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

import { metricsRegistry } from '@deskpilot/observability';

import { PrivateNetworkOnly } from '../auth/access.decorators';

/**
 * Prometheus scrape endpoint (outside /api). Scrapers carry no user token, so it is open to
 * callers on private and loopback addresses only: inside the cluster or compose network, never
 * through the public ingress.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  @PrivateNetworkOnly()
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
