import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTestDatabase, createTestVhost } from '@deskpilot/testing';

import { startDistributedSystem } from '../distributed/distributed-system';
import type { Suite } from './figures';
import { round } from './figures';

const READY_TIMEOUT_MS = 120_000;

/** Seconds from starting each run mode on an empty data directory to every service ready. */
export const startupSuite: Suite = {
  name: 'startup',
  description: 'time to every service ready, embedded and distributed',
  async run(command) {
    return [
      {
        suite: 'startup',
        name: 'embedded (npm start) to all services ready, fresh data directory',
        value: round(await embeddedReadySeconds(), 2),
        unit: 's',
        target: '< 20 s',
        command,
      },
      {
        suite: 'startup',
        name: 'distributed (5 processes, migrations included) to all services ready',
        value: round(await distributedReadySeconds(), 2),
        unit: 's',
        command,
      },
    ];
  },
};

async function embeddedReadySeconds(): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-bench-'));
  const started = performance.now();
  const child = spawn(process.execPath, [join(__dirname, '..', 'embedded.js')], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => {
        reject(new Error('embedded mode did not start'));
      }, READY_TIMEOUT_MS);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Console:\s+(http:\/\/\S+?)\/?\s/.exec(output);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    for (;;) {
      const response = await fetch(`${url}/api/health`).catch(() => undefined);
      if (response?.status === 200) {
        return (performance.now() - started) / 1000;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function distributedReadySeconds(): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-bench-'));
  const database = await createTestDatabase();
  const vhost = await createTestVhost();
  try {
    const started = performance.now();
    const system = await startDistributedSystem(
      { DATA_DIR: dataDir, DATABASE_URL: database.value, AMQP_URL: vhost.value, LOG_LEVEL: 'warn' },
      { ports: 'random', logDir: join(dataDir, 'logs') },
    );
    const seconds = (performance.now() - started) / 1000;
    await system.stop();
    return seconds;
  } finally {
    await vhost.dispose();
    await database.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
}
