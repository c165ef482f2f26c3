import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

import type { Environment } from '@deskpilot/config';
import { commonConfig, commonEnvironment, readEnvironment } from '@deskpilot/config';
import type { ServiceName } from '@deskpilot/contracts';
import { SERVICE_NAMES, ServiceName as Services } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { createLogger } from '@deskpilot/observability';
import { startEmbeddedS3 } from '@deskpilot/storage';

import { startEmbeddedWhmcs } from '../embedded/embedded-whmcs';
import { ensureDatabase } from './local-dependencies';
import { localGatewaySecrets, wasCreatedNow } from './local-secrets';
import { serviceEntry } from './service-entry';
import { ServiceProcess } from './service-process';
import { waitUntilReady } from './wait-ready';

const run = promisify(execFile);

/** The ports the services listen on when nothing else is asked for. */
export const DEFAULT_PORTS: Record<ServiceName, number> = {
  gateway: 3000,
  ingest: 3001,
  retrieval: 3002,
  llm: 3003,
  'whmcs-sync': 3004,
};

const LOCAL_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';
const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/deskpilot';
const READY_TIMEOUT_MS = 120_000;

export interface DistributedOptions {
  /** Replicas per service (one each by default); the gateway always runs once. */
  readonly replicas?: Partial<Record<Exclude<ServiceName, 'gateway'>, number>>;
  /** `random` picks free ports (tests); `default` uses the well-known ones offset per replica. */
  readonly ports?: 'default' | 'random';
  /** Write each process's output to `<logDir>/<name>.log` instead of this terminal. */
  readonly logDir?: string;
}

export interface RunningProcess {
  readonly service: ServiceName;
  readonly replica: number;
  readonly port: number;
  readonly process: ServiceProcess;
}

export interface DistributedSystem {
  readonly url: string;
  /** The administrator this start created with a generated password, shown once. */
  readonly adminLogin: { readonly email: string; readonly password: string } | undefined;
  readonly processes: readonly RunningProcess[];
  /** The replica of a service, for drills that kill or restart it. */
  find(service: ServiceName, replica?: number): RunningProcess;
  stop(): Promise<void>;
}

/**
 * Every service in its own Node process against RabbitMQ, PostgreSQL and S3, as in a
 * deployment. Unset addresses mean the local RabbitMQ and PostgreSQL, an S3 server on local disk
 * and, without WHMCS_URL, the WHMCS simulator with sample tickets. Migrations run once, before
 * any service starts.
 */
export async function startDistributedSystem(
  environment: Environment,
  options: DistributedOptions = {},
): Promise<DistributedSystem> {
  const common = commonConfig(readEnvironment(commonEnvironment, environment));
  const logger = createLogger({
    service: 'launcher',
    instanceId: common.instanceId,
    level: common.logLevel,
  });
  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stoppers.splice(0).reverse()) {
      await stop().catch((error: unknown) => {
        logger.error({ err: String(error) }, 'Shutdown step failed');
      });
    }
  };

  try {
    const env: Record<string, string | undefined> = {
      ...environment,
      DATA_DIR: common.dataDir,
      AMQP_URL: common.amqpUrl ?? LOCAL_AMQP_URL,
      DATABASE_URL: common.databaseUrl ?? LOCAL_DATABASE_URL,
    };
    await ensureDatabase(env.DATABASE_URL as string, logger);
    if (environment.S3_ENDPOINT === undefined || environment.S3_ENDPOINT === '') {
      const s3 = await startEmbeddedS3(common.dataDir, logger);
      stoppers.push(() => s3.close());
      Object.assign(env, {
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      });
    }
    const whmcs = await startEmbeddedWhmcs(environment, common.dataDir, logger);
    if (whmcs !== undefined) {
      stoppers.push(() => whmcs.close());
      Object.assign(env, whmcs.env);
    }
    if (options.logDir !== undefined) {
      await mkdir(options.logDir, { recursive: true });
    }

    await migrateAll(env, logger);
    const secrets = await localGatewaySecrets(common.dataDir, environment);

    const processes: RunningProcess[] = [];
    for (const service of SERVICE_NAMES) {
      const count = service === Services.Gateway ? 1 : (options.replicas?.[service] ?? 1);
      for (let replica = 0; replica < count; replica += 1) {
        const port =
          service === Services.Gateway && env.PORT !== undefined && env.PORT !== ''
            ? Number(env.PORT)
            : await choosePort(options.ports ?? 'default', service, replica);
        const child = new ServiceProcess({
          service,
          replica,
          entry: serviceEntry(service, 'main'),
          env: {
            ...env,
            ...(service === Services.Gateway ? secrets.env : {}),
            PORT: String(port),
            INSTANCE_ID: `${service}-${replica}`,
            DB_MIGRATIONS: 'false',
          },
          logDir: options.logDir,
          logger,
        });
        child.start();
        stoppers.push(() => child.stop());
        processes.push({ service, replica, port, process: child });
      }
    }

    const gateway = processes.find((p) => p.service === Services.Gateway);
    if (gateway === undefined) {
      throw new Error('No gateway process was started');
    }
    const url = `http://localhost:${gateway.port}`;
    await waitUntilReady(url, processes, READY_TIMEOUT_MS, options.logDir);
    const proposed = secrets.proposedAdmin;
    const adminLogin =
      proposed !== undefined && (await wasCreatedNow(url, proposed)) ? proposed : undefined;

    return {
      url,
      adminLogin,
      processes,
      find: (service, replica = 0) => {
        const found = processes.find((p) => p.service === service && p.replica === replica);
        if (found === undefined) {
          throw new Error(`No ${service} replica ${replica}`);
        }
        return found;
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Applies every service's migrations, one service after the other: the single runner. */
async function migrateAll(env: Record<string, string | undefined>, logger: Logger): Promise<void> {
  for (const service of SERVICE_NAMES) {
    try {
      const { stdout } = await run(process.execPath, [serviceEntry(service, 'migrate')], { env });
      logger.info({ target: service, result: stdout.trim() }, 'Migrations checked');
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim();
      throw new Error(`Migrations of ${service} failed: ${stderr || String(error)}`, {
        cause: error,
      });
    }
  }
}

async function choosePort(
  mode: 'default' | 'random',
  service: ServiceName,
  replica: number,
): Promise<number> {
  if (mode === 'default') {
    return DEFAULT_PORTS[service] + replica * 10;
  }
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}
