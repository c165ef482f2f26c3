import { readFile } from 'node:fs/promises';

/** Linux reports process times in clock ticks of 1/100 s (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/** One service process, or a group of processes counted together (database backends). */
export interface WatchedProcess {
  readonly name: string;
  pids(): Promise<readonly number[]>;
}

/** User plus system CPU seconds of a `/proc/<pid>/stat` line. */
export function cpuSecondsOf(stat: string): number {
  // The command name may hold spaces and parentheses: count fields from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error(`Not a /proc stat line: ${stat.slice(0, 80)}`);
  }
  return (utime + stime) / TICKS_PER_SECOND;
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
        byPid.set(pid, cpuSecondsOf(stat));
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
