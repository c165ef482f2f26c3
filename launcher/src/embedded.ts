import 'reflect-metadata';

import { startEmbeddedSystem } from './embedded/embedded-system';

const started = Date.now();

startEmbeddedSystem(process.env).then(
  (system) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      [
        '',
        `  Deskpilot is running (embedded mode, ready in ${seconds} s)`,
        `  Console:  ${system.url}/`,
        `  API:      ${system.url}/api  (OpenAPI at ${system.url}/api/docs)`,
        `  Health:   ${system.url}/api/health`,
        '',
        '',
      ].join('\n'),
    );
    let stopping = false;
    const stop = (): void => {
      if (stopping) {
        return;
      }
      stopping = true;
      system.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    process.stderr.write(
      `Deskpilot could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
