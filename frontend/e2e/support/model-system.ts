import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { RpcRequest } from '@deskpilot/contracts';
import { KnowledgeRpc, catalog, topology } from '@deskpilot/contracts';
import { AmqpBroker, DEFAULT_RETRY_POLICY, MessageBus } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import { ObjectStore, startEmbeddedS3 } from '@deskpilot/storage';
import { createTestVhost, waitFor } from '@deskpilot/testing';

import type { Credentials } from './console-api';
import { startEmbeddedProcess } from './embedded-process';

export interface ModelSystem {
  readonly url: string;
  readonly admin: Credentials;
  /** "OpenRouter": plan faults and slow tokens through its control API. */
  readonly simulator: SimulatorProcess;
  /**
   * Puts a Markdown document in the knowledge base the way an upload does (the original in S3,
   * registered with ingest over the bus) and resolves once it is searchable.
   */
  addDocument(title: string, markdown: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A second Deskpilot, answering through a model (the OpenRouter simulator) instead of the
 * offline answerer: for specs about streamed model answers and their failures. The shared
 * system stays offline, as a first start without a key is.
 */
const SIMULATOR = join(
  __dirname,
  '..',
  '..',
  '..',
  'tools',
  'openrouter-simulator',
  'dist',
  'cli',
  'main.js',
);

/** The OpenRouter simulator in its own process, driven through its `/_sim` control API. */
export class SimulatorProcess {
  private constructor(
    readonly baseUrl: string,
    readonly apiKey: string,
    private readonly stopProcess: () => Promise<void>,
  ) {}

  static async start(): Promise<SimulatorProcess> {
    const child = spawn(process.execPath, [SIMULATOR, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => {
        resolve();
      });
    });
    const stop = async (): Promise<void> => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
      }
      await exited;
    };
    let text = '';
    const found = await new Promise<RegExpExecArray | undefined>((resolve) => {
      const timer = setTimeout(() => {
        resolve(undefined);
      }, 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /OPENROUTER_BASE_URL=(\S+) OPENROUTER_API_KEY=(\S+)/.exec(text);
        if (match !== null) {
          clearTimeout(timer);
          resolve(match);
        }
      });
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
    if (found?.[1] === undefined || found[2] === undefined) {
      await stop();
      throw new Error(`The OpenRouter simulator did not start:\n${text}`);
    }
    return new SimulatorProcess(found[1], found[2], stop);
  }

  /** Forgets faults, settings and recorded requests. */
  reset(): Promise<void> {
    return this.control('POST', '/reset');
  }

  /** For example `{ tokenDelayMs: 100 }`. */
  updateSettings(settings: Record<string, number>): Promise<void> {
    return this.control('PATCH', '/settings', settings);
  }

  /** For example `{ kind: 'midstream-error', afterTokens: 4 }` (once by default). */
  addFault(fault: { readonly kind: string } & Record<string, unknown>): Promise<void> {
    return this.control('POST', '/faults', fault);
  }

  /** Answers prompts that contain `contains` with `answer` (see the simulator's canned answers). */
  addCannedAnswer(rule: { readonly contains: string; readonly answer: string }): Promise<void> {
    return this.control('POST', '/canned', rule);
  }

  stop(): Promise<void> {
    return this.stopProcess();
  }

  private async control(method: string, path: string, body?: unknown): Promise<void> {
    const response = await fetch(`${new URL(this.baseUrl).origin}/_sim${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new Error(`${method} /_sim${path}: ${response.status} ${await response.text()}`);
    }
  }
}

const BUCKET = 'deskpilot-e2e';

export interface ModelSystemOptions {
  /** The first administrator's email (a WHMCS admin's, to post replies as them). */
  readonly adminEmail?: string;
  /** More Deskpilot variables, for example `{ WHMCS_REPLY_AUTHOR: 'approver' }`. */
  readonly env?: Readonly<Record<string, string>>;
}

export async function startModelSystem(options: ModelSystemOptions = {}): Promise<ModelSystem> {
  const cleanups: (() => Promise<void>)[] = [];
  const dispose = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch(() => undefined);
    }
  };
  try {
    const simulator = await SimulatorProcess.start();
    cleanups.push(() => simulator.stop());
    const vhost = await createTestVhost();
    cleanups.push(() => vhost.dispose());
    const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-console-e2e-model-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const logger = createLogger({ service: 'console-e2e', instanceId: 'e2e', level: 'silent' });
    const s3 = await startEmbeddedS3(join(dataDir, 'seed-s3'), logger);
    cleanups.push(() => s3.close());
    const store = new ObjectStore({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      bucket: BUCKET,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    });
    await store.ensureBucket();
    cleanups.push(() => {
      store.close();
      return Promise.resolve();
    });
    const admin = {
      email: options.adminEmail ?? 'admin@console-e2e-model.test',
      password: `Adm-${randomBytes(12).toString('base64url')}`,
    };
    const system = await startEmbeddedProcess(
      {
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: '',
        AMQP_URL: vhost.value,
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        S3_BUCKET: BUCKET,
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        JWT_SECRET: randomBytes(32).toString('base64url'),
        OPENROUTER_BASE_URL: simulator.baseUrl,
        OPENROUTER_API_KEY: simulator.apiKey,
        LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
        ...options.env,
      },
      90_000,
    );
    cleanups.push(async () => {
      await system.stop();
    });
    await waitFor(
      async () => (await fetch(`${system.url}/api/health`).catch(() => undefined))?.ok === true,
      { timeoutMs: 30_000, message: 'Deskpilot (with a model) did not report every service ready' },
    );
    const broker = new AmqpBroker({
      catalog,
      topology,
      retry: DEFAULT_RETRY_POLICY,
      url: vhost.value,
      connectionName: 'console-e2e-seed',
      logger,
    });
    await broker.connect();
    cleanups.push(() => broker.close());
    const bus = new MessageBus(broker, { service: 'gateway', defaultTimeoutMs: 30_000 });

    const addDocument = async (title: string, markdown: string): Promise<void> => {
      const documentId = randomUUID();
      const body = Buffer.from(markdown);
      const s3Key = `documents/${documentId}/${documentId}.md`;
      await store.put(s3Key, body, 'text/markdown');
      const request: RpcRequest<typeof KnowledgeRpc.Register> = {
        documentId,
        s3Key,
        originalFilename: `${documentId}.md`,
        declaredContentType: 'text/markdown',
        sizeBytes: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
        uploadedBy: { id: 'console-e2e', name: 'Console tests' },
        title,
      };
      await bus.request(KnowledgeRpc.Register, request);
      await waitFor(
        async () =>
          (
            await bus.request(KnowledgeRpc.List, { page: 1, pageSize: 100, status: 'indexed' })
          ).items.some((document) => document.documentId === documentId),
        { timeoutMs: 60_000, intervalMs: 250, message: `${title} was not indexed` },
      );
    };
    return {
      url: system.url,
      admin,
      simulator,
      addDocument,
      stop: dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
