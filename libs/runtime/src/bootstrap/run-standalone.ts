import type { RunningService } from './launch-service';

/**
 * Entry point of a service in its own process: starts it, stops it gracefully on SIGTERM/SIGINT,
 * and exits non-zero with the reason when it cannot start (for example invalid configuration).
 */
export function runStandalone(start: () => Promise<RunningService>): void {
  start().then(
    (running) => {
      let stopping = false;
      const stop = (signal: string): void => {
        if (stopping) {
          return;
        }
        stopping = true;
        process.stderr.write(`${running.service}: ${signal} received, stopping\n`);
        running.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`${running.service}: stop failed: ${String(error)}\n`);
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => {
        stop('SIGTERM');
      });
      process.once('SIGINT', () => {
        stop('SIGINT');
      });
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
