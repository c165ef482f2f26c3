import { readFile } from 'node:fs/promises';

/** Linux reports process times in clock ticks of 1/100 s (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

export interface WatchedProcess {
  readonly name: string;
  readonly pid: number;
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

/** CPU seconds used so far by each process; a process that is gone counts as 0. */
export async function cpuSeconds(
  processes: readonly WatchedProcess[],
): Promise<Map<string, number>> {
  const used = new Map<string, number>();
  for (const { name, pid } of processes) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    used.set(name, stat === undefined ? 0 : cpuSecondsOf(stat));
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
