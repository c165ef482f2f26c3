import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';

import type { Logger } from '@deskpilot/observability';

export interface ServiceProcessOptions {
  readonly service: string;
  readonly replica: number;
  readonly entry: string;
  readonly env: NodeJS.ProcessEnv;
  /** Child output goes to `<logDir>/<service>-<replica>.log`; without it, to this terminal. */
  readonly logDir: string | undefined;
  readonly logger: Logger;
}

const MAX_RESTART_DELAY_MS = 30_000;
const STOP_GRACE_MS = 10_000;
/** A process that ran this long before dying restarts without the accumulated backoff. */
const STABLE_AFTER_MS = 60_000;

/**
 * One service replica in its own Node process, restarted with backoff when it dies unexpectedly,
 * the way a container orchestrator would.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private log: WriteStream | undefined;
  private stopping = false;
  private restarts = 0;
  private consecutiveFailures = 0;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ServiceProcessOptions) {}

  get name(): string {
    return `${this.options.service}-${this.options.replica}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get restartCount(): number {
    return this.restarts;
  }

  /** Starts the process; also starts again one that was stopped (scaling drills). */
  start(): void {
    this.stopping = false;
    if (this.options.logDir !== undefined && this.log === undefined) {
      this.log = createWriteStream(join(this.options.logDir, `${this.name}.log`), { flags: 'a' });
    }
    const child = spawn(process.execPath, [this.options.entry], {
      env: this.options.env,
      stdio: [
        'ignore',
        this.log === undefined ? 'inherit' : 'pipe',
        this.log === undefined ? 'inherit' : 'pipe',
      ],
    });
    if (this.log !== undefined) {
      child.stdout?.pipe(this.log, { end: false });
      child.stderr?.pipe(this.log, { end: false });
    }
    this.startedAt = Date.now();
    child.once('exit', (code, signal) => {
      this.onExit(child, code, signal);
    });
    this.child = child;
  }

  /** Sends a signal to the running process (failure drills use SIGKILL). */
  kill(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  /** Asks the process to stop gracefully, and kills it if it does not within the grace period. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) =>
        child.once('exit', () => {
          resolve();
        }),
      );
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => {
      if (this.log === undefined) {
        resolve();
        return;
      }
      this.log.end(() => {
        this.log = undefined;
        resolve();
      });
    });
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child || this.stopping) {
      return;
    }
    if (Date.now() - this.startedAt > STABLE_AFTER_MS) {
      this.consecutiveFailures = 0;
    }
    const delay = Math.min(1_000 * 2 ** this.consecutiveFailures, MAX_RESTART_DELAY_MS);
    this.consecutiveFailures += 1;
    this.restarts += 1;
    this.options.logger.warn(
      { process: this.name, code, signal, restartInMs: delay },
      'Service process exited; restarting',
    );
    this.restartTimer = setTimeout(() => {
      if (!this.stopping) {
        this.start();
      }
    }, delay);
  }
}
