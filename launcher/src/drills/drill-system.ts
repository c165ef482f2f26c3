import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { DraftView } from '@deskpilot/contracts';
import { KnowledgeRpc, TicketsRpc } from '@deskpilot/contracts';
import type { Broker } from '@deskpilot/messaging';
import { MessageBus } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import type { OpenRouterSimulator } from '@deskpilot/openrouter-simulator';
import { startOpenRouterSimulator } from '@deskpilot/openrouter-simulator';
import { openAmqpBroker } from '@deskpilot/runtime';
import type { EmbeddedS3 } from '@deskpilot/storage';
import { ObjectStore, startEmbeddedS3 } from '@deskpilot/storage';
import { createTestDatabase, createTestVhost } from '@deskpilot/testing';
import type { RunningWhmcsSimulator } from '@deskpilot/whmcs-simulator';
import { SIMULATOR_CREDENTIALS, startWhmcsSimulator } from '@deskpilot/whmcs-simulator';

import type { DistributedSystem } from '../distributed/distributed-system';
import { startDistributedSystem } from '../distributed/distributed-system';
import type { PrivateServer } from './private-dependencies';
import { startPrivatePostgres, startPrivateRabbitMq } from './private-dependencies';

const BUCKET = 'deskpilot-drill';
const REVIEWER = { id: 'drill', name: 'Failure drill' };
const DEPARTMENTS = [1, 2, 3, 4];

export interface DrillSystemOptions {
  readonly replicas?: Partial<Record<'ingest' | 'retrieval' | 'llm' | 'whmcs-sync', number>>;
  /**
   * `private`: a RabbitMQ and a PostgreSQL of the drill's own, which it may restart. `shared`: a
   * throw-away database and virtual host on the local ones (benchmarks that restart nothing).
   */
  readonly dependencies: 'private' | 'shared';
  /** `openrouter-simulator` (faults can be injected) or the llm service's `offline` answerer. */
  readonly answerer: 'openrouter-simulator' | 'offline';
  /** Seconds between two WHMCS polls. */
  readonly pollSeconds?: number;
  /**
   * Close the simulator's hand-written waiting tickets before the system starts, so the only
   * tickets waiting for a reply are those the drill opens.
   */
  readonly closeSeedTickets?: boolean;
  /** Tickets whmcs-sync reads at once (`WHMCS_CONCURRENCY`); the service's default if unset. */
  readonly whmcsConcurrency?: number;
}

interface Dependencies {
  readonly amqpUrl: string;
  readonly databaseUrl: string;
  readonly rabbitmq: PrivateServer | undefined;
  readonly postgres: PrivateServer | undefined;
}

/** One unit of work a drill hands to the system and later checks. */
export interface Batch {
  readonly ticketIds: readonly string[];
  readonly documentIds: readonly string[];
}

/**
 * The distributed mode against a RabbitMQ and a PostgreSQL of its own (so drills may restart
 * them), the WHMCS and OpenRouter simulators, and a bus connection to drive and inspect it the
 * way the gateway does.
 */
export class DrillSystem {
  private constructor(
    readonly system: DistributedSystem,
    private readonly dependencies: Dependencies,
    readonly whmcs: RunningWhmcsSimulator,
    readonly openRouter: OpenRouterSimulator,
    readonly bus: MessageBus,
    readonly dataDir: string,
    private readonly store: ObjectStore,
    private readonly cleanups: readonly (() => Promise<void>)[],
  ) {}

  static async start(options: DrillSystemOptions): Promise<DrillSystem> {
    const cleanups: (() => Promise<void>)[] = [];
    const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-drill-'));
    try {
      const logger = createLogger({ service: 'drill', instanceId: 'drill', level: 'silent' });
      const dependencies = await startDependencies(options.dependencies, cleanups);
      const s3: EmbeddedS3 = await startEmbeddedS3(dataDir, logger);
      cleanups.push(() => s3.close());
      const whmcs = await startWhmcsSimulator({ seed: 7 });
      cleanups.push(() => whmcs.close());
      if (options.closeSeedTickets === true) {
        for (const ticketId of whmcs.control.awaitingTicketIds()) {
          whmcs.control.setStatus(ticketId, 'Closed');
        }
      }
      const openRouter = await startOpenRouterSimulator();
      cleanups.push(() => openRouter.close());
      const system = await startDistributedSystem(
        {
          ...process.env,
          DATA_DIR: dataDir,
          LOG_LEVEL: process.env.DRILL_LOG_LEVEL ?? 'info',
          AMQP_URL: dependencies.amqpUrl,
          DATABASE_URL: dependencies.databaseUrl,
          S3_ENDPOINT: s3.endpoint,
          S3_ACCESS_KEY_ID: s3.accessKeyId,
          S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
          S3_BUCKET: BUCKET,
          WHMCS_URL: whmcs.url,
          WHMCS_IDENTIFIER: SIMULATOR_CREDENTIALS.identifier,
          WHMCS_SECRET: SIMULATOR_CREDENTIALS.secret,
          WHMCS_TIMEZONE: whmcs.timeZone,
          WHMCS_POLL_SECONDS: String(options.pollSeconds ?? 2),
          ...(options.whmcsConcurrency === undefined
            ? {}
            : { WHMCS_CONCURRENCY: String(options.whmcsConcurrency) }),
          ...(options.answerer === 'offline'
            ? { OPENROUTER_API_KEY: '' }
            : { OPENROUTER_BASE_URL: openRouter.baseUrl, OPENROUTER_API_KEY: openRouter.apiKey }),
          LLM_REQUEST_TIMEOUT_MS: '3000',
          LLM_FIRST_TOKEN_TIMEOUT_MS: '5000',
          LLM_INACTIVITY_TIMEOUT_MS: '3000',
        },
        { ports: 'random', logDir: join(dataDir, 'logs'), replicas: options.replicas ?? {} },
      );
      cleanups.push(() => system.stop());
      const broker: Broker = await openAmqpBroker({
        url: dependencies.amqpUrl,
        connectionName: 'drill',
        maxAttempts: 5,
        logger,
      });
      cleanups.push(() => broker.close());
      const bus = new MessageBus(broker, { service: 'gateway', defaultTimeoutMs: 10_000 });
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
      return new DrillSystem(
        system,
        dependencies,
        whmcs,
        openRouter,
        bus,
        dataDir,
        store,
        cleanups,
      );
    } catch (error) {
      for (const cleanup of cleanups.reverse()) {
        await cleanup().catch(() => undefined);
      }
      process.stderr.write(`Process logs kept in ${join(dataDir, 'logs')}\n`);
      throw error;
    }
  }

  /** The drill's own RabbitMQ, which it may restart. */
  get rabbitmq(): PrivateServer {
    return privateServer(this.dependencies.rabbitmq, 'RabbitMQ');
  }

  /** The drill's own PostgreSQL, which it may restart. */
  get postgres(): PrivateServer {
    return privateServer(this.dependencies.postgres, 'PostgreSQL');
  }

  /** Stops everything the drill started; the process logs are kept when asked (after a failure). */
  async stop(keepLogs: boolean): Promise<void> {
    for (const cleanup of [...this.cleanups].reverse()) {
      await cleanup().catch(() => undefined);
    }
    if (!keepLogs) {
      await rm(this.dataDir, { recursive: true, force: true });
    }
  }

  /** Customers open `tickets` tickets; `documents` documents are uploaded and registered. */
  async submit(label: string, tickets: number, documents: number): Promise<Batch> {
    const ticketIds: string[] = [];
    for (let i = 0; i < tickets; i += 1) {
      const { id } = this.whmcs.control.openTicket({
        deptId: DEPARTMENTS[i % DEPARTMENTS.length] ?? 1,
        name: `Drill Customer ${i}`,
        email: `drill-${label}-${i}@example.com`,
        subject: `${label}: my site returns 500 after the PHP upgrade (${i})`,
        message: `Since this morning my WordPress site shows an internal server error. Drill ${label} ticket ${i}.`,
      });
      ticketIds.push(id);
    }
    const documentIds: string[] = [];
    for (let i = 0; i < documents; i += 1) {
      documentIds.push(await this.upload(label, i));
    }
    return { ticketIds, documentIds };
  }

  /** Stores a document in S3 and registers it, as the gateway does; retried while the bus is down. */
  private async upload(label: string, index: number): Promise<string> {
    const documentId = randomUUID();
    const body = Buffer.from(
      `# ${label} guide ${index}\n\nHow to restart PHP-FPM after upgrade ${label}-${index}-${documentId}.\n\n` +
        `Open the control panel, choose PHP settings and press restart. Wait one minute.\n`,
    );
    const s3Key = `documents/${documentId}/guide-${index}.md`;
    await this.store.put(s3Key, body, 'text/markdown');
    await retrying(() =>
      this.bus.request(KnowledgeRpc.Register, {
        documentId,
        s3Key,
        originalFilename: `guide-${index}.md`,
        declaredContentType: 'text/markdown',
        sizeBytes: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
        uploadedBy: REVIEWER,
      }),
    );
    return documentId;
  }

  /** The current draft of each ticket of the batch that has one in `statuses`. */
  async drafts(batch: Batch, statuses: DraftView['status'][]): Promise<Map<string, DraftView>> {
    const found = new Map<string, DraftView>();
    for (const ticketId of batch.ticketIds) {
      const list = await this.bus.request(TicketsRpc.ListDrafts, {
        ticketId,
        status: statuses,
        limit: 10,
        offset: 0,
      });
      const draft = list.items[0];
      if (draft !== undefined) {
        found.set(ticketId, draft);
      }
    }
    return found;
  }

  /** How many documents of the batch ingest reports indexed. */
  async indexed(batch: Batch): Promise<number> {
    let count = 0;
    for (const documentId of batch.documentIds) {
      const { document } = await this.bus.request(KnowledgeRpc.Get, {
        documentId,
        chunkOffset: 0,
        chunkLimit: 0,
      });
      if (document.status === 'indexed') {
        count += 1;
      }
    }
    return count;
  }

  /** How far the batch got, for the record of the moment a fault hit. */
  async progress(batch: Batch): Promise<string> {
    const drafted = (await this.drafts(batch, ['ready', 'approved', 'sending', 'sent'])).size;
    const indexed = await this.indexed(batch);
    return `at the fault ${drafted}/${batch.ticketIds.length} drafted, ${indexed}/${batch.documentIds.length} indexed`;
  }

  /** Approves every ready draft of the batch; returns how many approvals were acknowledged. */
  async approveAll(batch: Batch): Promise<number> {
    const ready = await this.drafts(batch, ['ready']);
    for (const draft of ready.values()) {
      await retrying(() =>
        this.bus.request(TicketsRpc.ApproveDraft, { draftId: draft.id, approvedBy: REVIEWER }),
      );
    }
    return ready.size;
  }

  /** Replies WHMCS stored per ticket of the batch (the simulator's own record). */
  repliesPerTicket(batch: Batch): Map<string, number> {
    return new Map(
      batch.ticketIds.map((id) => [id, this.whmcs.control.postedReplies(id).length] as const),
    );
  }

  /**
   * Waits until every ticket of the batch has a draft in `statuses` and every document is
   * indexed, tolerating the bus or the database being away meanwhile.
   */
  async settle(batch: Batch, statuses: DraftView['status'][], timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'nothing checked yet';
    while (Date.now() < deadline) {
      try {
        const drafts = (await this.drafts(batch, statuses)).size;
        const indexed = await this.indexed(batch);
        last = `${drafts}/${batch.ticketIds.length} tickets ${statuses.join('|')}, ${indexed}/${batch.documentIds.length} documents indexed`;
        if (drafts === batch.ticketIds.length && indexed === batch.documentIds.length) {
          return;
        }
      } catch (error) {
        last = `not answering: ${error instanceof Error ? error.message : String(error)}`;
      }
      await sleep(1_000);
    }
    throw new Error(`Not settled within ${timeoutMs / 1000} s: ${last}`);
  }
}

/** Tries `call` until it answers (the bus may be reconnecting), for up to two minutes. */
export async function retrying<T>(call: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await sleep(1_000);
    }
  }
}

function privateServer(server: PrivateServer | undefined, name: string): PrivateServer {
  if (server === undefined) {
    throw new Error(`${name} is shared here; start the system with private dependencies`);
  }
  return server;
}

async function startDependencies(
  kind: 'private' | 'shared',
  cleanups: (() => Promise<void>)[],
): Promise<Dependencies> {
  if (kind === 'shared') {
    const database = await createTestDatabase();
    cleanups.push(() => database.dispose());
    const vhost = await createTestVhost();
    cleanups.push(() => vhost.dispose());
    return {
      amqpUrl: vhost.value,
      databaseUrl: database.value,
      rabbitmq: undefined,
      postgres: undefined,
    };
  }
  const rabbitmq = await startPrivateRabbitMq();
  cleanups.push(() => rabbitmq.dispose());
  const postgres = await startPrivatePostgres();
  cleanups.push(() => postgres.dispose());
  return { amqpUrl: rabbitmq.url, databaseUrl: postgres.url, rabbitmq, postgres };
}
