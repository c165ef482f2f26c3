import { readFile } from 'node:fs/promises';

import { TICKS_PER_SECOND, cpuTicksOf } from './machine-load';

/** One service process, or a group of processes counted together (database backends). */
export interface WatchedProcess {
  readonly name: string;
  pids(): Promise<readonly number[]>;
}

/** CPU seconds used so far by each process of each watched name, by process id. */
export async function cpuSeconds(
  processes: readonly WatchedProcess[],
): Promise<Map<string, Map<number, number>>> {
  const used = new Map<string, Map<number, number>>();
  for (const watched of processes) {
    const byPid = new Map<number, number>();
    for (const pid of await watched.pids()) {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
      if (stat !== undefined) {
        byPid.set(pid, cpuTicksOf(stat) / TICKS_PER_SECOND);
      }
    }
    used.set(watched.name, byPid);
  }
  return used;
}

/**
 * Share of one core each watched name used between two samples `seconds` apart, in per cent. A
 * process that started in between counts from zero; one that exited in between is missed (a
 * database pool closing idle connections), so a group's share is a lower bound.
 */
export function cpuPercent(
  before: ReadonlyMap<string, ReadonlyMap<number, number>>,
  after: ReadonlyMap<string, ReadonlyMap<number, number>>,
  seconds: number,
): Map<string, number> {
  return new Map(
    [...after].map(([name, byPid]) => {
      let used = 0;
      for (const [pid, end] of byPid) {
        used += end - (before.get(name)?.get(pid) ?? 0);
      }
      return [name, Math.round((100 * used) / seconds)];
    }),
  );
}
