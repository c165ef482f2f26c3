import type { RunningService, ServiceContext, ServiceDefinition } from '@deskpilot/runtime';
import { startService } from '@deskpilot/runtime';

import type { GatewayConfig, GatewayMode } from './config/gateway.config';
import { loadGatewayConfig } from './config/gateway.config';
import type { IncomingFile } from './documents/documents.service';
import { DocumentsService } from './documents/documents.service';
import { GatewayModule } from './gateway.module';
import { configureHttp } from './http/configure-http';
import type { InitialAdminLogin } from './users/first-admin.service';
import { FirstAdminService } from './users/first-admin.service';

export { gatewayDatabase } from './database/gateway-database';
export type { InitialAdminLogin } from './users/first-admin.service';
export type { IncomingFile } from './documents/documents.service';

/** Who the sample knowledge base is recorded as uploaded by. */
export const SAMPLE_KNOWLEDGE_UPLOADER = { id: 'system', name: 'Deskpilot samples' } as const;

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

/**
 * Adds `files` as the sample knowledge base when there is no document yet, the same way as an
 * upload (S3, then ingest). Answers how many documents were added: 0 when there already were some.
 */
export async function seedKnowledgeBase(
  gateway: RunningService,
  files: readonly IncomingFile[],
): Promise<number> {
  const documents = gateway.app.get(DocumentsService, { strict: false });
  if (!(await documents.isEmpty())) {
    return 0;
  }
  const results = await documents.uploadAll(files, SAMPLE_KNOWLEDGE_UPLOADER);
  return results.filter((result) => result.outcome === 'created').length;
}

const SETTLE_POLL_MS = 250;

/**
 * Waits until no document is still on its way to the index (each is indexed or failed), for at
 * most `timeoutMs`. Answers whether every document settled in time.
 */
export async function knowledgeBaseSettled(
  gateway: RunningService,
  timeoutMs: number,
): Promise<boolean> {
  const documents = gateway.app.get(DocumentsService, { strict: false });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await Promise.all(
      (['uploaded', 'extracting', 'embedding'] as const).map(
        async (status) => (await documents.list({ page: 1, pageSize: 1, status })).total,
      ),
    );
    if (pending.every((total) => total === 0)) {
      return true;
    }
    if (Date.now() >= deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
  }
}
