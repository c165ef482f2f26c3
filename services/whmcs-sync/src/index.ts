import type { RunningService, ServiceContext, ServiceDefinition } from '@deskpilot/runtime';
import { startService } from '@deskpilot/runtime';

import type { WhmcsSyncConfig } from './config/whmcs-sync.config';
import { loadWhmcsSyncConfig } from './config/whmcs-sync.config';
import { WhmcsSyncModule } from './whmcs-sync.module';

export { whmcsSyncDatabase } from './database/whmcs-sync-database';

export const whmcsSyncService: ServiceDefinition<WhmcsSyncConfig> = {
  service: 'whmcs-sync',
  loadConfig: loadWhmcsSyncConfig,
  module: (config, runtime) => WhmcsSyncModule.forRoot(config, runtime),
  http: (config, { standalone }) =>
    standalone ? { port: config.port, host: '0.0.0.0' } : undefined,
};

/** Starts the whmcs-sync worker: polls WHMCS, keeps drafts and posts approved replies. */
export function startWhmcsSync(context: ServiceContext): Promise<RunningService> {
  return startService(whmcsSyncService, context);
}
