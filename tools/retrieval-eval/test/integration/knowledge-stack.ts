import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { RegisterDocumentResponse, RpcRequest } from '@deskpilot/contracts';
import { KnowledgeRpc } from '@deskpilot/contracts';
import { startIngest } from '@deskpilot/ingest';
import type { Broker } from '@deskpilot/messaging';
import { MessageBus } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import { startRetrieval } from '@deskpilot/retrieval';
import type { RunningService } from '@deskpilot/runtime';
import { openAmqpBroker } from '@deskpilot/runtime';
import type { EmbeddedS3 } from '@deskpilot/storage';
import { ObjectStore, startEmbeddedS3 } from '@deskpilot/storage';
import { createTestDatabase, createTestVhost } from '@deskpilot/testing';

const BUCKET = 'knowledge-test';

/**
 * The distributed mode on this machine: a throw-away PostgreSQL database and RabbitMQ vhost, an
 * S3 server on local disk, and ingest and retrieval each with their own AMQP connection.
 */
export class KnowledgeStack {
  readonly env: Record<string, string>;
  private readonly disposers: (() => Promise<void>)[] = [];
  bus!: MessageBus;
  store!: ObjectStore;
  private broker!: Broker;
  private s3!: EmbeddedS3;

  private constructor(env: Record<string, string>) {
    this.env = env;
  }

  static async create(extraEnv: Record<string, string> = {}): Promise<KnowledgeStack> {
    const database = await createTestDatabase();
    const vhost = await createTestVhost();
    const dataDir = await mkdtemp(join(tmpdir(), 'knowledge-it-'));
    const logger = createLogger({ service: 'test', instanceId: 'test', level: 'silent' });
    const s3 = await startEmbeddedS3(dataDir, logger);
    const stack = new KnowledgeStack({
      LOG_LEVEL: 'warn',
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: database.value,
      AMQP_URL: vhost.value,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_BUCKET: BUCKET,
      BUS_MAX_ATTEMPTS: '8',
      ...extraEnv,
    });
    stack.s3 = s3;
    stack.store = new ObjectStore({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      bucket: BUCKET,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    });
    await stack.store.ensureBucket();
    stack.broker = await openAmqpBroker({
      url: vhost.value,
      connectionName: 'test-gateway',
      maxAttempts: 5,
      logger,
    });
    stack.bus = new MessageBus(stack.broker, { service: 'gateway', defaultTimeoutMs: 20_000 });
    stack.disposers.push(
      () => stack.broker.close(),
      () => {
        stack.store.close();
        return Promise.resolve();
      },
      () => s3.close(),
      () => database.dispose(),
      () => vhost.dispose(),
      () => rm(dataDir, { recursive: true, force: true }),
    );
    return stack;
  }

  startIngest(env: Record<string, string> = {}): Promise<RunningService> {
    return this.track(
      startIngest({ env: { ...this.env, INSTANCE_ID: `ingest-${randomUUID()}`, ...env } }),
    );
  }

  startRetrieval(env: Record<string, string> = {}): Promise<RunningService> {
    return this.track(
      startRetrieval({ env: { ...this.env, INSTANCE_ID: `retrieval-${randomUUID()}`, ...env } }),
    );
  }

  /** Ingest in its own process, to be killed without warning. */
  spawnIngest(env: Record<string, string> = {}): ChildProcess {
    const main = resolve(__dirname, '../../../../services/ingest/dist/main.js');
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, ...this.env, INSTANCE_ID: `ingest-${randomUUID()}`, ...env },
      stdio: 'ignore',
    });
    this.disposers.unshift(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await new Promise((done) => child.once('exit', done));
      }
    });
    return child;
  }

  async upload(
    name: string,
    body: string | Buffer,
    options: { title?: string; contentType?: string; documentId?: string } = {},
  ): Promise<RegisterDocumentResponse> {
    const file = await this.putFile(name, body);
    return this.bus.request(KnowledgeRpc.Register, {
      ...file,
      documentId: options.documentId ?? randomUUID(),
      declaredContentType: options.contentType ?? 'text/markdown',
      ...(options.title === undefined ? {} : { title: options.title }),
    });
  }

  /** Stores a file the way the gateway does and describes it for a registration. */
  async putFile(name: string, body: string | Buffer) {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const s3Key = `documents/${randomUUID()}/${name}`;
    await this.store.put(s3Key, bytes, 'application/octet-stream');
    return {
      s3Key,
      originalFilename: name,
      declaredContentType: 'text/markdown',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy: { id: 'user-1', name: 'Ada Admin' },
    } satisfies Partial<RpcRequest<typeof KnowledgeRpc.Register>>;
  }

  async objectExists(key: string): Promise<boolean> {
    try {
      await this.store.get(key);
      return true;
    } catch {
      return false;
    }
  }

  get s3Endpoint(): string {
    return this.s3.endpoint;
  }

  async dispose(): Promise<void> {
    for (const dispose of this.disposers.splice(0)) {
      await dispose().catch(() => undefined);
    }
  }

  private async track(starting: Promise<RunningService>): Promise<RunningService> {
    const running = await starting;
    let stopped = false;
    const stop = running.stop.bind(running);
    const tracked: RunningService = {
      ...running,
      stop: async () => {
        if (!stopped) {
          stopped = true;
          await stop();
        }
      },
    };
    this.disposers.unshift(() => tracked.stop());
    return tracked;
  }
}
