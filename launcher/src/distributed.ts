import 'reflect-metadata';

import type { ServiceName } from '@deskpilot/contracts';

import { announce, failToStart } from './cli';
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

startDistributedSystem(process.env, { replicas }).then((system) => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  announce(system, `Deskpilot is running (distributed mode, ready in ${seconds} s)`, [
    '  Processes:',
    ...system.processes.map(
      (p) =>
        `    ${`${p.service}-${p.replica}`.padEnd(14)} pid ${String(p.process.pid)}  port ${p.port}`,
    ),
  ]);
}, failToStart);
