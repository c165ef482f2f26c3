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

/**
 * CPU seconds used so far by each watched process or group; a process that is gone counts as 0,
 * so a group's figure misses what its members that exited meanwhile used.
 */
export async function cpuSeconds(
  processes: readonly WatchedProcess[],
): Promise<Map<string, number>> {
  const used = new Map<string, number>();
  for (const watched of processes) {
    let seconds = 0;
    for (const pid of await watched.pids()) {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
      seconds += stat === undefined ? 0 : cpuSecondsOf(stat);
    }
    used.set(watched.name, seconds);
  }
  return used;
}

/** Share of one core each process used between two samples `seconds` apart, in per cent. */
export function cpuPercent(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
  seconds: number,
): Map<string, number> {
  return new Map(
    [...after].map(([name, end]) => [
      name,
      Math.round((100 * (end - (before.get(name) ?? end))) / seconds),
    ]),
  );
}
