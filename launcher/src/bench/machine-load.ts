import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';

/** Kernel clock ticks per second, the unit of the CPU times in `/proc/<pid>/stat`. */
export const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/**
 * User plus system CPU ticks from the text of `/proc/<pid>/stat`. The command name (field 2) may
 * contain spaces and parentheses, so fields are counted from its closing parenthesis.
 */
export function cpuTicksOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15; the slice starts at field 3.
  const [user, system] = [Number(fields[11]), Number(fields[12])];
  if (!Number.isFinite(user) || !Number.isFinite(system)) {
    throw new Error(`Not a /proc stat line: ${stat.slice(0, 80)}`);
  }
  return user + system;
}

/** CPU seconds a process has used so far (0 when it is gone). */
export async function cpuSeconds(pid: number | undefined): Promise<number> {
  if (pid === undefined) {
    return 0;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return stat === undefined ? 0 : cpuTicksOf(stat) / TICKS_PER_SECOND;
}

/** Samples the one-minute load average every second until stopped; returns the mean. */
export function sampleLoadAverage(): { stop(): number } {
  const samples = [loadavg()[0] ?? 0];
  const timer = setInterval(() => {
    samples.push(loadavg()[0] ?? 0);
  }, 1_000);
  return {
    stop() {
      clearInterval(timer);
      return samples.reduce((sum, value) => sum + value, 0) / samples.length;
    },
  };
}
