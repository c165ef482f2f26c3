import { join } from 'node:path';

import type { Environment } from '@deskpilot/config';
import type { Logger } from '@deskpilot/observability';
import { SIMULATOR_CREDENTIALS, startWhmcsSimulator } from '@deskpilot/whmcs-simulator';

export interface EmbeddedWhmcs {
  /** The WHMCS_* variables that point whmcs-sync at the simulator. */
  readonly env: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * Without WHMCS_URL the embedded mode runs the built-in WHMCS simulator, seeded with sample
 * hosting tickets, so drafts appear right after `npm start`. Its tickets are kept in the data
 * directory: after a restart, replies sent before it are still there, as they would be in WHMCS.
 */
export async function startEmbeddedWhmcs(
  environment: Environment,
  dataDir: string,
  logger: Logger,
): Promise<EmbeddedWhmcs | undefined> {
  if (environment.WHMCS_URL !== undefined && environment.WHMCS_URL !== '') {
    return undefined;
  }
  const simulator = await startWhmcsSimulator({
    seed: 1,
    stateFile: join(dataDir, 'whmcs-simulator', 'state.json'),
    onError: (error) => {
      logger.error({ err: String(error) }, 'WHMCS simulator failure');
    },
  });
  logger.info(
    { url: simulator.url, tickets: simulator.control.summary().awaitingReply },
    'WHMCS_URL is not set: using the built-in WHMCS simulator with sample tickets',
  );
  return {
    env: {
      WHMCS_URL: simulator.url,
      WHMCS_IDENTIFIER: SIMULATOR_CREDENTIALS.identifier,
      WHMCS_SECRET: SIMULATOR_CREDENTIALS.secret,
      WHMCS_TIMEZONE: simulator.timeZone,
    },
    close: () => simulator.close(),
  };
}
