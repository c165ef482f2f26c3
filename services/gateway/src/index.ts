import type { RunningService, ServiceContext, ServiceDefinition } from '@deskpilot/runtime';
import { startService } from '@deskpilot/runtime';

import type { GatewayConfig } from './config/gateway.config';
import { loadGatewayConfig } from './config/gateway.config';
import { GatewayModule } from './gateway.module';
import { configureHttp } from './http/configure-http';

export { gatewayDatabase } from './database/gateway-database';

export const gatewayService: ServiceDefinition<GatewayConfig> = {
  service: 'gateway',
  loadConfig: loadGatewayConfig,
  module: (config, runtime) => GatewayModule.forRoot(config, runtime),
  http: (config, { logger }) => ({
    port: config.port,
    host: config.host,
    configure: configureHttp(config, logger),
  }),
};

/** Starts the gateway: the HTTP API, the console and the bridge to the other services. */
export function startGateway(context: ServiceContext): Promise<RunningService> {
  return startService(gatewayService, context);
}
