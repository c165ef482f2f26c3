import 'reflect-metadata';

import type { ServiceName } from '@deskpilot/contracts';

import { startDistributedSystem } from './distributed/distributed-system';
import { parseReplicas } from './distributed/replicas';

const started = Date.now();

let replicas: Partial<Record<Exclude<ServiceName, 'gateway'>, number>>;
try {
  replicas = parseReplicas(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

startDistributedSystem(process.env, { replicas }).then(
  (system) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lines = system.processes.map(
      (p) =>
        `    ${`${p.service}-${p.replica}`.padEnd(14)} pid ${String(p.process.pid)}  port ${p.port}`,
    );
    process.stdout.write(
      [
        '',
        `  Deskpilot is running (distributed mode, ready in ${seconds} s)`,
        `  Console:  ${system.url}/`,
        `  API:      ${system.url}/api  (OpenAPI at ${system.url}/api/docs)`,
        '  Processes:',
        ...lines,
        ...(system.adminLogin === undefined
          ? []
          : [
              '',
              '  First start: an administrator account was created.',
              `  Sign in:  ${system.adminLogin.email}`,
              `  Password: ${system.adminLogin.password}`,
              '  This password is shown only now: sign in and change it.',
            ]),
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
