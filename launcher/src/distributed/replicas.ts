import type { ServiceName } from '@deskpilot/contracts';
import { WORKER_SERVICES } from '@deskpilot/contracts';

type WorkerName = Exclude<ServiceName, 'gateway'>;

/**
 * Reads `--replicas ingest=2,llm=3` from the command line. Only worker services scale here; the
 * local gateway is a single process.
 */
export function parseReplicas(args: readonly string[]): Partial<Record<WorkerName, number>> {
  const index = args.indexOf('--replicas');
  if (index === -1) {
    return {};
  }
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) {
    throw new Error('--replicas needs a value such as ingest=2,llm=3');
  }
  const replicas: Partial<Record<WorkerName, number>> = {};
  for (const pair of value.split(',')) {
    const [name, count] = pair.split('=');
    const service = WORKER_SERVICES.find((candidate) => candidate === name?.trim());
    const n = Number(count);
    if (service === undefined || service === 'gateway') {
      throw new Error(
        `--replicas: unknown worker service "${name ?? ''}" (one of ${WORKER_SERVICES.join(', ')})`,
      );
    }
    if (!Number.isInteger(n) || n < 1 || n > 16) {
      throw new Error(`--replicas: ${service} needs a count from 1 to 16, got "${count ?? ''}"`);
    }
    replicas[service] = n;
  }
  return replicas;
}
