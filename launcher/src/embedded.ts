import 'reflect-metadata';

import type { InitialAdminLogin } from '@deskpilot/gateway';

import { startEmbeddedSystem } from './embedded/embedded-system';

/** The generated administrator sign-in, printed this once (only its hash is stored). */
function loginLines(login: InitialAdminLogin | undefined): string[] {
  if (login === undefined) {
    return [];
  }
  return [
    '',
    '  First start: an administrator account was created.',
    `  Sign in:  ${login.email}`,
    `  Password: ${login.password}`,
    '  This password is shown only now: sign in and change it.',
  ];
}

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
        ...loginLines(system.adminLogin),
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
