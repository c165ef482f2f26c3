import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

import type {
  AccessTokenResponse,
  BotSettingsVersion,
  Conversation,
  DocumentPage,
  DocumentUploadResponse,
  SaveBotSettingsRequest,
  SyncStatus,
} from '@deskpilot/contracts';
import { DOCUMENT_FILES_FIELD } from '@deskpilot/contracts';
import type { OpenRouterSimulator, SimulatorSettings } from '@deskpilot/openrouter-simulator';
import { startOpenRouterSimulator } from '@deskpilot/openrouter-simulator';
import { createTestDatabase, createTestVhost } from '@deskpilot/testing';

import type { DistributedSystem } from '../distributed/distributed-system';
import { startDistributedSystem } from '../distributed/distributed-system';
import { SAMPLE_KNOWLEDGE_DIR } from '../embedded/sample-knowledge';

const ADMIN_EMAIL = 'load@deskpilot.local';
const SETTLE_TIMEOUT_MS = 300_000;

export interface LoadSystemOptions {
  readonly model: Pick<SimulatorSettings, 'firstTokenDelayMs' | 'tokenDelayMs'>;
  /** Chat questions one person may send per minute, raised so the limit is not what is measured. */
  readonly chatMessagesPerMinute: number;
  readonly conversations: number;
}

/**
 * The distributed mode (one process per service on the local RabbitMQ and PostgreSQL, a
 * throw-away database and virtual host) with the OpenRouter simulator as the model and the
 * built-in WHMCS simulator, the sample knowledge base uploaded through the API and indexed, the
 * sample tickets drafted, and an administrator signed in with a pool of conversations.
 */
export class LoadSystem {
  private constructor(
    readonly system: DistributedSystem,
    readonly openRouter: OpenRouterSimulator,
    readonly authorization: string,
    readonly conversationIds: readonly string[],
    private readonly database: Client,
    private readonly cleanups: readonly (() => Promise<void>)[],
  ) {}

  static async start(options: LoadSystemOptions): Promise<LoadSystem> {
    const cleanups: (() => Promise<void>)[] = [];
    try {
      const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-load-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const database = await createTestDatabase();
      cleanups.push(() => database.dispose());
      const vhost = await createTestVhost();
      cleanups.push(() => vhost.dispose());
      const client = new Client({ connectionString: database.value });
      await client.connect();
      cleanups.push(() => client.end());
      const openRouter = await startOpenRouterSimulator(options.model);
      cleanups.push(() => openRouter.close());
      const password = randomBytes(24).toString('base64url');
      const system = await startDistributedSystem(
        {
          DATA_DIR: dataDir,
          DATABASE_URL: database.value,
          AMQP_URL: vhost.value,
          LOG_LEVEL: 'info',
          OPENROUTER_BASE_URL: openRouter.baseUrl,
          OPENROUTER_API_KEY: openRouter.apiKey,
          ADMIN_EMAIL,
          ADMIN_PASSWORD: password,
          CHAT_MESSAGES_PER_MINUTE: String(options.chatMessagesPerMinute),
        },
        { ports: 'random', logDir: join(dataDir, 'logs') },
      );
      cleanups.push(() => system.stop());
      const api = new Api(system.url, '');
      const login = await api.json<AccessTokenResponse>('POST', '/api/auth/login', {
        email: ADMIN_EMAIL,
        password,
      });
      const signedIn = new Api(system.url, `Bearer ${login.accessToken}`);
      await withoutFollowUpRewrites(signedIn);
      await seedKnowledge(signedIn);
      await waitForDrafts(signedIn);
      const conversationIds: string[] = [];
      for (let i = 0; i < options.conversations; i += 1) {
        const conversation = await signedIn.json<Conversation>('POST', '/api/conversations', {
          title: `Load ${i}`,
        });
        conversationIds.push(conversation.id);
      }
      return new LoadSystem(
        system,
        openRouter,
        signedIn.authorization,
        conversationIds,
        client,
        cleanups,
      );
    } catch (error) {
      for (const cleanup of cleanups.reverse()) {
        await cleanup().catch(() => undefined);
      }
      throw error;
    }
  }

  /** Process ids of the PostgreSQL backends serving the run's database (the services' pools). */
  async databaseBackends(): Promise<number[]> {
    const { rows } = await this.database.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows.map((row) => row.pid);
  }

  async stop(): Promise<void> {
    for (const cleanup of [...this.cleanups].reverse()) {
      await cleanup().catch(() => undefined);
    }
  }
}

class Api {
  constructor(
    private readonly url: string,
    readonly authorization: string,
  ) {}

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.send<T>(
      method,
      path,
      body === undefined ? undefined : JSON.stringify(body),
      body === undefined ? {} : { 'Content-Type': 'application/json' },
    );
  }

  async send<T>(
    method: string,
    path: string,
    body: string | FormData | undefined,
    headers: Record<string, string>,
  ): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...headers,
        ...(this.authorization === '' ? {} : { Authorization: this.authorization }),
      },
      body,
    });
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as T;
  }
}

/** Uploads the sample knowledge base as an administrator would, and waits until it is indexed. */
async function seedKnowledge(api: Api): Promise<void> {
  const names = (await readdir(SAMPLE_KNOWLEDGE_DIR)).filter((name) => name.endsWith('.md'));
  const form = new FormData();
  for (const name of names.sort()) {
    const content = await readFile(join(SAMPLE_KNOWLEDGE_DIR, name));
    form.append(DOCUMENT_FILES_FIELD, new Blob([content], { type: 'text/markdown' }), name);
  }
  const upload = await api.send<DocumentUploadResponse>('POST', '/api/documents', form, {});
  const failed = upload.results.filter((result) => result.outcome === 'failed');
  if (failed.length > 0) {
    throw new Error(`${failed.length} sample documents were refused`);
  }
  await until('the sample knowledge base is indexed', async () => {
    const page = await api.json<DocumentPage>('GET', '/api/documents?pageSize=100');
    if (page.items.some((document) => document.status === 'failed')) {
      throw new Error('A sample document failed to index');
    }
    return page.total === names.length && page.items.every((d) => d.status === 'indexed');
  });
}

/** Waits until every sample ticket has its draft, so no drafting runs under the measured load. */
async function waitForDrafts(api: Api): Promise<void> {
  await until('the sample tickets are drafted', async () => {
    const status = await api.json<SyncStatus>('GET', '/api/whmcs/sync');
    const drafts = status.draftsByStatus;
    const settled = (drafts['ready'] ?? 0) + (drafts['failed'] ?? 0);
    return (
      status.lastSuccessAt !== null &&
      status.awaitingTickets > 0 &&
      (drafts['pending'] ?? 0) === 0 &&
      settled >= status.awaitingTickets
    );
  });
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting until ${what}`);
    }
    await sleep(500);
  }
}

/**
 * The chat step sends the pool's conversations question after question, so all but their first
 * are follow-ups, which the model would rewrite for the search first: one more model call each,
 * which would make a chat answer two model calls against the one of the "model alone" step. The
 * bench measures answers; the rewrite is turned off in the bot settings.
 */
async function withoutFollowUpRewrites(api: Api): Promise<void> {
  const { settings } = await api.json<BotSettingsVersion>('GET', '/api/settings/bot');
  const request: SaveBotSettingsRequest = {
    ...settings,
    rewriteFollowUps: false,
    note: 'Load bench: no follow-up rewrites',
  };
  await api.json<BotSettingsVersion>('PUT', '/api/settings/bot', request);
}
