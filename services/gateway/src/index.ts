import type { RunningService, ServiceContext, ServiceDefinition } from '@deskpilot/runtime';
import { startService } from '@deskpilot/runtime';

import type { GatewayConfig, GatewayMode } from './config/gateway.config';
import { loadGatewayConfig } from './config/gateway.config';
import { GatewayModule } from './gateway.module';
import { configureHttp } from './http/configure-http';
import type { InitialAdminLogin } from './users/first-admin.service';
import { FirstAdminService } from './users/first-admin.service';

export { gatewayDatabase } from './database/gateway-database';
export type { InitialAdminLogin } from './users/first-admin.service';

/** The gateway as started in a mode: embedded (launcher, shared bus) or its own process. */
export function gatewayServiceFor(mode: GatewayMode): ServiceDefinition<GatewayConfig> {
  return {
    service: 'gateway',
    loadConfig: (env) => loadGatewayConfig(env, mode),
    module: (config, runtime) => GatewayModule.forRoot(config, runtime),
    http: (config, { logger }) => ({
      port: config.port,
      host: config.host,
      configure: configureHttp(config, logger),
    }),
  };
}

export const gatewayService: ServiceDefinition<GatewayConfig> = gatewayServiceFor('standalone');

/** Starts the gateway: the HTTP API, the console and the bridge to the other services. */
export function startGateway(context: ServiceContext): Promise<RunningService> {
  return startService(
    gatewayServiceFor(context.broker === undefined ? 'standalone' : 'embedded'),
    context,
  );
}

/**
 * The administrator sign-in generated on an embedded first start (no ADMIN_EMAIL/ADMIN_PASSWORD
 * and no user yet), for the launcher to print once. Undefined on every other start.
 */
export function takeGeneratedAdminLogin(gateway: RunningService): InitialAdminLogin | undefined {
  return gateway.app.get(FirstAdminService, { strict: false }).takeGeneratedLogin();
}
