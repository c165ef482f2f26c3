import { randomUUID } from 'node:crypto';
import { lastValueFrom, of, throwError, toArray } from 'rxjs';

import type {
  AnswerChunk,
  AnswerFinalChunk,
  EventName,
  EventPayload,
  RpcRequest,
  SearchHit,
  SearchResponse,
  SpellingCorrection,
} from '@deskpilot/contracts';
import {
  AnsweringEvent,
  AnsweringRpc,
  DraftingEvent,
  SearchRpc,
  catalog,
  topology,
} from '@deskpilot/contracts';
import type { Broker, Consumer } from '@deskpilot/messaging';
import { AmqpBroker, MessageBus } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import type { OpenRouterSimulator } from '@deskpilot/openrouter-simulator';
import { startOpenRouterSimulator } from '@deskpilot/openrouter-simulator';
import type { RunningService } from '@deskpilot/runtime';
import type { Disposable } from '@deskpilot/testing';
import { createTestDatabase, createTestVhost, waitFor } from '@deskpilot/testing';

import { startLlm } from '../../../src/index';

export const KB_DOCUMENT_ID = '11111111-1111-4111-8111-111111111111';

/** The passages the stand-in retrieval answers every search with. */
export const KB_HITS: SearchHit[] = [
  hit(
    '22222222-2222-4222-8222-222222222201',
    'Restarting services',
    'To restart Apache, log in to WHM and open Restart Services, then choose HTTP Server (Apache). The restart takes about a minute.',
  ),
  hit(
    '22222222-2222-4222-8222-222222222202',
    'Email forwarding',
    'To forward mail, open Email > Forwarders in cPanel and add a forwarder for the address.',
  ),
];

function hit(chunkId: string, heading: string, text: string): SearchHit {
  return {
    chunkId,
    documentId: KB_DOCUMENT_ID,
    documentTitle: 'Hosting handbook',
    documentVersion: 3,
    headingPath: [heading],
    text,
    score: chunkId.endsWith('01') ? 0.91 : 0.42,
    denseScore: 0.8,
    lexicalScore: 0.3,
    denseRank: 1,
    lexicalRank: 2,
  };
}

/** The product topology, plus the stand-ins this test runs for retrieval and whmcs-sync. */
const TEST_TOPOLOGY = {
  ...topology,
  retrieval: {
    ...topology.retrieval,
    rpcs: [...new Set([...topology.retrieval.rpcs, SearchRpc.Search])],
  },
  'whmcs-sync': {
    ...topology['whmcs-sync'],
    events: [
      ...new Set([
        ...topology['whmcs-sync'].events,
        DraftingEvent.DraftGenerated,
        DraftingEvent.DraftFailed,
      ]),
    ],
  },
};

export interface HarnessOptions {
  /** Without a key llm uses the offline answerer. */
  readonly online: boolean;
  readonly env?: Record<string, string>;
}

export interface ReceivedEvent {
  readonly name: string;
  readonly payload: unknown;
}

/**
 * The llm service against the real PostgreSQL and RabbitMQ (a throw-away database and vhost),
 * the OpenRouter simulator over HTTP, a small retrieval consumer answering `retrieval.search`
 * with fixed passages, and a whmcs-sync stand-in that collects the draft events.
 */
export class LlmTestHarness {
  readonly searches: unknown[] = [];
  readonly events: ReceivedEvent[] = [];
  searchFails = false;
  /** Words the retrieval stand-in says it read as others. */
  searchCorrections: SpellingCorrection[] = [];
  /** The passages the retrieval stand-in finds. */
  searchHits: SearchHit[] = KB_HITS;
  /** What the retrieval stand-in answers for a query, over the fields above; when set. */
  searchAnswer: ((query: string) => Partial<SearchResponse>) | undefined;
  private consumers: Consumer[] = [];

  private constructor(
    readonly simulator: OpenRouterSimulator,
    readonly broker: Broker,
    readonly bus: MessageBus,
    /** The throw-away database, for tests that put rows in place directly. */
    readonly databaseUrl: string,
    private readonly llm: { service: RunningService | undefined },
    private readonly disposables: Disposable<string>[],
  ) {}

  static async start(options: HarnessOptions): Promise<LlmTestHarness> {
    const database = await createTestDatabase();
    const vhost = await createTestVhost();
    const simulator = await startOpenRouterSimulator();
    const logger = createLogger({ service: 'test', instanceId: 'test', level: 'silent' });
    const broker = new AmqpBroker({
      url: vhost.value,
      connectionName: 'llm-integration',
      logger,
      catalog,
      topology: TEST_TOPOLOGY,
      retry: { maxAttempts: 3, delaysMs: [300] },
    });
    await broker.connect();
    const bus = new MessageBus(broker, { service: 'gateway', defaultTimeoutMs: 15_000 });
    const harness = new LlmTestHarness(
      simulator,
      broker,
      bus,
      database.value,
      { service: undefined },
      [vhost, database],
    );
    await harness.attachStandIns();
    harness.llm.service = await startLlm({
      broker,
      env: {
        DATABASE_URL: database.value,
        LOG_LEVEL: 'silent',
        INSTANCE_ID: `llm-test-${randomUUID().slice(0, 8)}`,
        OPENROUTER_BASE_URL: simulator.baseUrl,
        ...(options.online ? { OPENROUTER_API_KEY: simulator.apiKey } : {}),
        LLM_MODEL: 'openai/gpt-4o-mini',
        LLM_APP_URL: 'https://deskpilot.test',
        LLM_APP_TITLE: 'Deskpilot Test',
        LLM_FIRST_TOKEN_TIMEOUT_MS: '1500',
        LLM_INACTIVITY_TIMEOUT_MS: '800',
        LLM_REQUEST_TIMEOUT_MS: '1000',
        LLM_MAX_RETRIES: '1',
        LLM_MAX_RETRY_WAIT_SECONDS: '2',
        ...options.env,
      },
    });
    return harness;
  }

  /** One of the running service's providers, for tests that drive it directly. */
  provider<T>(type: abstract new (...args: never[]) => T): T {
    if (this.llm.service === undefined) {
      throw new Error('llm is not running');
    }
    return this.llm.service.app.get(type);
  }

  async stop(): Promise<void> {
    await this.llm.service?.stop();
    for (const consumer of this.consumers) {
      await consumer.stop();
    }
    await this.broker.close();
    await this.simulator.close();
    for (const disposable of this.disposables) {
      await disposable.dispose();
    }
  }

  /** Back to a clean simulator and stand-ins between tests (the log is kept). */
  reset(): void {
    this.simulator.control.reset();
    this.searches.length = 0;
    this.events.length = 0;
    this.searchFails = false;
    this.searchCorrections = [];
    this.searchHits = KB_HITS;
    this.searchAnswer = undefined;
  }

  /** Asks llm for an answer over the bus and collects every chunk. */
  async ask(
    request: Partial<RpcRequest<typeof AnsweringRpc.Answer>> & { question: string },
  ): Promise<AnswerChunk[]> {
    const chunks = this.bus.stream(AnsweringRpc.Answer, {
      interactionId: randomUUID(),
      user: { id: 'user-1', name: 'Sam Support' },
      history: [],
      purpose: 'chat',
      inspect: false,
      ...request,
    });
    return lastValueFrom(chunks.pipe(toArray()));
  }

  async publish<N extends EventName>(name: N, payload: EventPayload<N>): Promise<void> {
    await this.bus.publish(name, payload);
  }

  /** Publishes a settings version and waits until llm uses it. */
  async publishSettings(
    payload: EventPayload<typeof AnsweringEvent.SettingsPublished>,
  ): Promise<void> {
    await this.publish(AnsweringEvent.SettingsPublished, payload);
    await waitFor(
      async () =>
        (await this.bus.request(AnsweringRpc.CurrentSettings, {})).version === payload.version,
      { message: `settings version ${payload.version} in use` },
    );
  }

  private async attachStandIns(): Promise<void> {
    const response = (query: string): SearchResponse => ({
      hits: this.searchHits,
      ...(this.searchCorrections.length > 0 ? { corrections: this.searchCorrections } : {}),
      embedder: 'test',
      tookMs: 1,
      ...this.searchAnswer?.(query),
    });
    this.consumers.push(
      await this.broker.consume(
        { service: 'retrieval', instanceId: 'retrieval-stand-in', prefetch: 16 },
        {
          onEvent: () => Promise.resolve(),
          onRequest: (request) => {
            this.searches.push(request.payload);
            return this.searchFails
              ? throwError(() =>
                  Object.assign(new Error('index not loaded'), { code: 'UNAVAILABLE' }),
                )
              : of(response((request.payload as { query: string }).query));
          },
        },
      ),
      await this.broker.consume(
        { service: 'whmcs-sync', instanceId: 'whmcs-sync-stand-in', prefetch: 16 },
        {
          onEvent: (event) => {
            this.events.push({ name: event.meta.name, payload: event.payload });
            return Promise.resolve();
          },
          onRequest: () => of(null),
        },
      ),
    );
  }
}

export function finalOf(chunks: readonly AnswerChunk[]): AnswerFinalChunk {
  const final = chunks.at(-1);
  if (final?.type !== 'final') {
    throw new Error(`The stream did not end with a final chunk: ${JSON.stringify(chunks.at(-1))}`);
  }
  return final;
}

export function tokensOf(chunks: readonly AnswerChunk[]): string {
  return chunks.map((chunk) => (chunk.type === 'token' ? chunk.text : '')).join('');
}
