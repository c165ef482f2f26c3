import { execFile, spawn } from 'node:child_process';
import { chown, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

import { freePort } from '@deskpilot/testing';

const run = promisify(execFile);
const START_TIMEOUT_MS = 120_000;

/** A server the drill owns, on its own ports and data directory, that it may stop and restart. */
export interface PrivateServer {
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server, leaves it down for `downMs`, starts it again on the same data. */
  restart(downMs: number): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * A RabbitMQ node of its own (never the shared one on 5672): its own node name, AMQP and
 * distribution ports, configuration file and data directory, run as the `rabbitmq` user.
 */
export async function startPrivateRabbitMq(): Promise<PrivateServer> {
  const dir = await ownedTempDir('deskpilot-drill-rabbitmq-', 'rabbitmq');
  const port = await freePort();
  const distPort = await freePort();
  const node = `drill-${port}@localhost`;
  await writeFile(join(dir, 'rabbitmq.conf'), `listeners.tcp.local = 127.0.0.1:${port}\n`);
  await writeFile(join(dir, 'enabled_plugins'), '[].\n');
  await chownTree(dir, 'rabbitmq');
  const env = {
    ...process.env,
    RABBITMQ_NODENAME: node,
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    RABBITMQ_PID_FILE: join(dir, 'rabbitmq.pid'),
  };
  const start = async (): Promise<void> => {
    const child = spawn('rabbitmq-server', [], { env, cwd: dir, stdio: 'ignore', detached: true });
    child.unref();
    await waitForPort(port, `RabbitMQ node ${node}`);
  };
  const stop = async (): Promise<void> => {
    await run('rabbitmqctl', ['-q', '-n', node, 'stop', join(dir, 'rabbitmq.pid')]).catch(
      () => undefined,
    );
  };
  await start();
  return {
    url: `amqp://guest:guest@127.0.0.1:${port}`,
    start,
    stop,
    restart: async (downMs) => {
      await stop();
      await sleep(downMs);
      await start();
    },
    dispose: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A PostgreSQL cluster of its own (never the shared one on 5432), created with `initdb` in a
 * temporary directory and run as the `postgres` user on a free port, without fsync (drills only).
 */
export async function startPrivatePostgres(): Promise<PrivateServer> {
  const bin = await postgresBin();
  const dir = await ownedTempDir('deskpilot-drill-postgres-', 'postgres');
  const data = join(dir, 'data');
  const port = await freePort();
  const asPostgres = (command: string, args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { cwd: dir });
  await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = async (): Promise<void> => {
    await asPostgres('pg_ctl', [
      '-D',
      data,
      '-o',
      options,
      '-l',
      join(dir, 'postgres.log'),
      '-w',
      'start',
    ]);
    await waitForPort(port, 'PostgreSQL');
  };
  const stop = async (): Promise<void> => {
    await asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/deskpilot`,
    start,
    stop,
    restart: async (downMs) => {
      await stop();
      await sleep(downMs);
      await start();
    },
    dispose: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function postgresBin(): Promise<string> {
  const root = '/usr/lib/postgresql';
  const versions = (await readdir(root)).filter((name) => /^\d+$/.test(name));
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) {
    throw new Error(`No PostgreSQL server binaries under ${root}`);
  }
  return join(root, newest, 'bin');
}

async function ownedTempDir(prefix: string, user: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await chownTree(dir, user);
  return dir;
}

async function chownTree(dir: string, user: string): Promise<void> {
  const { stdout } = await run('id', ['-u', user]);
  const { stdout: group } = await run('id', ['-g', user]);
  const uid = Number(stdout.trim());
  const gid = Number(group.trim());
  await chown(dir, uid, gid);
  for (const entry of await readdir(dir, { recursive: true })) {
    await chown(join(dir, entry), uid, gid);
  }
}

async function waitForPort(port: number, what: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await accepts(port)) {
      return;
    }
    await sleep(250);
  }
  throw new Error(`${what} did not listen on port ${port} within ${START_TIMEOUT_MS / 1000} s`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(port, '127.0.0.1');
  });
}
