import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { RegisterDocumentResponse, RpcRequest, SearchResponse } from '@deskpilot/contracts';
import { KnowledgeRpc, SearchRpc, catalog, topology } from '@deskpilot/contracts';
import { startIngest } from '@deskpilot/ingest';
import { InProcessBroker, MessageBus } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import { startEmbeddedPostgres } from '@deskpilot/persistence';
import { startRetrieval } from '@deskpilot/retrieval';
import type { RunningService } from '@deskpilot/runtime';
import { retryPolicy } from '@deskpilot/runtime';
import { ObjectStore, startEmbeddedS3 } from '@deskpilot/storage';
import { createTestDatabase } from '@deskpilot/testing';

export type DatabaseChoice = 'postgres' | 'pglite';

export interface KnowledgeSystemOptions {
  /** The machine's PostgreSQL (a throw-away database) or PGlite in this process. */
  readonly database: DatabaseChoice;
  /** Extra environment for both services (chunk size, HNSW settings…). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface UploadedDocument {
  readonly name: string;
  readonly title?: string;
  readonly contentType: string;
  readonly body: Buffer;
}

/**
 * Ingest and retrieval running in this process exactly as in the embedded product: the
 * in-process bus, a real PostgreSQL (or PGlite) and an S3 server on local disk. Documents go in
 * through the bus API the gateway uses; search goes through `retrieval.search`.
 */
export class KnowledgeSystem {
  private constructor(
    readonly bus: MessageBus,
    private readonly broker: InProcessBroker,
    private readonly env: Readonly<Record<string, string>>,
    private readonly store: ObjectStore,
    private readonly services: Map<'ingest' | 'retrieval', RunningService>,
    private readonly cleanups: (() => Promise<void>)[],
  ) {}

  /** The running retrieval service (for its Nest application context). */
  get retrieval(): RunningService {
    const running = this.services.get('retrieval');
    if (running === undefined) {
      throw new Error('Retrieval is not running');
    }
    return running;
  }

  /** Stops retrieval and starts it again (as a new replica would start); resolves once it serves. */
  async restartRetrieval(env: Readonly<Record<string, string>> = {}): Promise<number> {
    await this.retrieval.stop();
    const started = performance.now();
    const running = await startRetrieval({ env: { ...this.env, ...env }, broker: this.broker });
    this.services.set('retrieval', running);
    return performance.now() - started;
  }

  static async start(options: KnowledgeSystemOptions): Promise<KnowledgeSystem> {
    const cleanups: (() => Promise<void>)[] = [];
    const services = new Map<'ingest' | 'retrieval', RunningService>();
    try {
      const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-knowledge-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const logger = createLogger({ service: 'harness', instanceId: 'harness', level: 'warn' });
      let databaseUrl: string;
      if (options.database === 'pglite') {
        const postgres = await startEmbeddedPostgres(dataDir, logger);
        cleanups.push(() => postgres.close());
        databaseUrl = postgres.url;
      } else {
        const database = await createTestDatabase();
        cleanups.push(() => database.dispose());
        databaseUrl = database.value;
      }
      const s3 = await startEmbeddedS3(dataDir, logger);
      cleanups.push(() => s3.close());
      const broker = new InProcessBroker({ catalog, topology, retry: retryPolicy(5) });
      await broker.connect();
      cleanups.push(() => broker.close());
      const env: Record<string, string> = {
        LOG_LEVEL: 'warn',
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        S3_BUCKET: 'knowledge',
        RETRIEVAL_RECONCILE_SECONDS: '0',
        ...options.env,
      };
      const store = new ObjectStore({
        endpoint: s3.endpoint,
        region: 'us-east-1',
        bucket: 'knowledge',
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
      });
      await store.ensureBucket();
      cleanups.push(() => {
        store.close();
        return Promise.resolve();
      });
      services.set('ingest', await startIngest({ env, broker }));
      services.set('retrieval', await startRetrieval({ env, broker }));
      cleanups.push(async () => {
        for (const running of services.values()) {
          await running.stop();
        }
      });
      const bus = new MessageBus(broker, { service: 'gateway', defaultTimeoutMs: 60_000 });
      return new KnowledgeSystem(bus, broker, env, store, services, cleanups);
    } catch (error) {
      await runCleanups(cleanups);
      throw error;
    }
  }

  /** Stores the file in S3 and registers it, as the gateway does for an upload. */
  async upload(document: UploadedDocument): Promise<RegisterDocumentResponse> {
    const documentId = randomUUID();
    const s3Key = `documents/${documentId}/${document.name}`;
    await this.store.put(s3Key, document.body, document.contentType);
    const request: RpcRequest<typeof KnowledgeRpc.Register> = {
      documentId,
      s3Key,
      originalFilename: document.name,
      declaredContentType: document.contentType,
      sizeBytes: document.body.length,
      sha256: createHash('sha256').update(document.body).digest('hex'),
      uploadedBy: { id: 'evaluation', name: 'Evaluation' },
      ...(document.title === undefined ? {} : { title: document.title }),
    };
    return this.bus.request(KnowledgeRpc.Register, request);
  }

  /** Waits until no document is being processed; returns the counts by final status. */
  async settle(timeoutMs = 600_000): Promise<{ indexed: number; failed: number }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const count = async (
        status: 'indexed' | 'failed' | 'uploaded' | 'extracting' | 'embedding',
      ) => (await this.bus.request(KnowledgeRpc.List, { page: 1, pageSize: 1, status })).total;
      const busy =
        (await count('uploaded')) + (await count('extracting')) + (await count('embedding'));
      if (busy === 0) {
        return { indexed: await count('indexed'), failed: await count('failed') };
      }
      if (Date.now() > deadline) {
        throw new Error(`${busy} documents still processing after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  search(request: RpcRequest<typeof SearchRpc.Search>): Promise<SearchResponse> {
    return this.bus.request(SearchRpc.Search, request);
  }

  async stop(): Promise<void> {
    await runCleanups(this.cleanups);
  }
}

async function runCleanups(cleanups: (() => Promise<void>)[]): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch(() => undefined);
  }
}
