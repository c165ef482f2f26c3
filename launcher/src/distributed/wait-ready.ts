import type { RunningProcess } from './distributed-system';

const POLL_MS = 500;
const PROBE_TIMEOUT_MS = 3_000;

/**
 * Waits until the gateway reports every service up and each worker replica answers its own
 * health probe; fails with the list of what is still not ready.
 */
export async function waitUntilReady(
  gatewayUrl: string,
  processes: readonly RunningProcess[],
  timeoutMs: number,
  logDir: string | undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let waiting: string[] = [];
  while (Date.now() < deadline) {
    waiting = [];
    if (!(await isUp(`${gatewayUrl}/api/health`))) {
      waiting.push('gateway (or a service it probes over the bus)');
    }
    for (const p of processes) {
      if (p.service !== 'gateway' && !(await isUp(`http://localhost:${p.port}/health`))) {
        waiting.push(`${p.service}-${p.replica}`);
      }
    }
    if (waiting.length === 0) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const where = logDir === undefined ? 'the output above' : `the logs in ${logDir}`;
  throw new Error(`Not ready after ${timeoutMs / 1000} s: ${waiting.join(', ')}; see ${where}`);
}

async function isUp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (!response.ok) {
      return false;
    }
    const body = (await response.json()) as { status?: string };
    return body.status === 'up';
  } catch {
    return false;
  }
}
