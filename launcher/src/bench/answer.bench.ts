import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, of } from 'rxjs';
import { tap } from 'rxjs/operators';

import type { SearchResponse } from '@deskpilot/contracts';
import { AnsweringRpc, SearchRpc, catalog, topology } from '@deskpilot/contracts';
import { startLlm } from '@deskpilot/llm';
import type { Broker } from '@deskpilot/messaging';
import { AmqpBroker, InProcessBroker, MessageBus } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import type { OpenRouterSimulator } from '@deskpilot/openrouter-simulator';
import { startOpenRouterSimulator } from '@deskpilot/openrouter-simulator';
import { startEmbeddedPostgres } from '@deskpilot/persistence';
import { createTestDatabase, createTestVhost } from '@deskpilot/testing';

import type { Figure, Suite } from './figures';
import { percentile, round } from './figures';

const SAMPLES = 100;
const QUESTION = 'How do I restart Apache after changing the PHP version?';
const logger = createLogger({ service: 'bench', instanceId: 'bench', level: 'silent' });

/** Six passages, answered at once by a stand-in for retrieval (search is measured on its own). */
const SEARCH_RESPONSE: SearchResponse = {
  hits: [1, 2, 3, 4, 5, 6].map((n) => ({
    chunkId: `22222222-2222-4222-8222-${String(n).padStart(12, '0')}`,
    documentId: '11111111-1111-4111-8111-111111111111',
    documentTitle: 'Hosting handbook',
    documentVersion: 1,
    headingPath: ['Web server', `Section ${n}`],
    text:
      'To restart Apache, log in to WHM and open Restart Services, then choose HTTP Server. ' +
      'After changing the PHP version in MultiPHP Manager the web server reloads by itself. '.repeat(
        3,
      ),
    score: 1 / n,
    denseScore: 0.8 / n,
    lexicalScore: 0.5 / n,
    denseRank: n,
    lexicalRank: n,
  })),
  embedder: 'bench',
  tookMs: 0,
};

const BENCH_TOPOLOGY = {
  ...topology,
  retrieval: {
    ...topology.retrieval,
    rpcs: [...new Set([...topology.retrieval.rpcs, SearchRpc.Search])],
  },
};

interface Stack {
  readonly label: string;
  readonly broker: Broker;
  readonly databaseUrl: string;
  close(): Promise<void>;
}

/**
 * What Deskpilot adds before the first token of a chat answer: from the answer request on the bus
 * to the first token chunk, minus the model's own time to its first token for the same prompt
 * (the OpenRouter simulator, answering with zero delay). Run on both stacks. Both sides read
 * every answer to its end, so "N concurrent" means N answers in flight, not N new ones started
 * while earlier ones still stream.
 */
export const answerSuite: Suite = {
  name: 'answer',
  description: 'latency added before the first token of a chat answer',
  async run(command) {
    const figures: Figure[] = [];
    for (const open of [openEmbedded, openDistributed]) {
      const stack = await open();
      try {
        figures.push(...(await measureStack(stack, command)));
      } finally {
        await stack.close();
      }
    }
    return figures;
  },
};

async function measureStack(stack: Stack, command: string): Promise<Figure[]> {
  const simulator = await startOpenRouterSimulator({ tokenDelayMs: 0, firstTokenDelayMs: 0 });
  const llm = await startLlm({
    broker: stack.broker,
    env: {
      DATABASE_URL: stack.databaseUrl,
      LOG_LEVEL: 'silent',
      OPENROUTER_BASE_URL: simulator.baseUrl,
      OPENROUTER_API_KEY: simulator.apiKey,
      LLM_MODEL: 'simulator/zero-delay',
    },
  });
  const retrieval = await stack.broker.consume(
    { service: 'retrieval', instanceId: 'bench-retrieval', prefetch: 64 },
    { onEvent: () => Promise.resolve(), onRequest: () => of(SEARCH_RESPONSE) },
  );
  const bus = new MessageBus(stack.broker, { service: 'gateway', defaultTimeoutMs: 30_000 });
  const figures: Figure[] = [];
  try {
    await concurrently(20, 5, () => deskpilotFirstToken(bus));
    const prompt = simulator.control.chatRequests().at(-1)?.body;
    for (const concurrency of [1, 50]) {
      const total = (await concurrently(SAMPLES, concurrency, () => deskpilotFirstToken(bus))).sort(
        (a, b) => a - b,
      );
      const own = (
        await concurrently(SAMPLES, concurrency, () => modelFirstToken(simulator, prompt))
      ).sort((a, b) => a - b);
      for (const p of [50, 99]) {
        figures.push({
          suite: 'answer',
          name: `${stack.label}, ${concurrency} concurrent chat${concurrency === 1 ? '' : 's'}, added p${p}`,
          value: round(percentile(total, p) - percentile(own, p), 1),
          unit: 'ms',
          baseline: { name: "model's own first token", value: round(percentile(own, p), 1) },
          ...(p === 50 ? { target: '< 20 ms' } : {}),
          command,
        });
      }
    }
  } finally {
    await retrieval.stop();
    await llm.stop();
    await simulator.close();
  }
  return figures;
}

async function openEmbedded(): Promise<Stack> {
  const broker = new InProcessBroker({
    catalog,
    topology: BENCH_TOPOLOGY,
    retry: { maxAttempts: 3, delaysMs: [1_000] },
  });
  await broker.connect();
  const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-bench-'));
  const postgres = await startEmbeddedPostgres(dataDir, logger);
  return {
    label: 'embedded (PGlite, in-process bus)',
    broker,
    databaseUrl: postgres.url,
    close: async () => {
      await broker.close();
      await postgres.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function openDistributed(): Promise<Stack> {
  const database = await createTestDatabase();
  const vhost = await createTestVhost();
  const broker = new AmqpBroker({
    url: vhost.value,
    connectionName: 'answer-bench',
    logger,
    catalog,
    topology: BENCH_TOPOLOGY,
    retry: { maxAttempts: 3, delaysMs: [1_000] },
  });
  await broker.connect();
  return {
    label: 'distributed (PostgreSQL, RabbitMQ)',
    broker,
    databaseUrl: database.value,
    close: async () => {
      await broker.close();
      await vhost.dispose();
      await database.dispose();
    },
  };
}

/** Time to the first token; resolves once the whole answer is done, so `concurrency` means in flight. */
async function deskpilotFirstToken(bus: MessageBus): Promise<number> {
  const started = performance.now();
  let firstToken: number | undefined;
  await lastValueFrom(
    bus
      .stream(AnsweringRpc.Answer, {
        interactionId: randomUUID(),
        question: QUESTION,
        history: [],
        user: { id: 'bench-user' },
        purpose: 'chat',
        inspect: false,
      })
      .pipe(
        tap((chunk) => {
          if (chunk.type === 'token') {
            firstToken ??= performance.now() - started;
          }
        }),
      ),
  );
  if (firstToken === undefined) {
    throw new Error('The answer streamed no token');
  }
  return firstToken;
}

async function modelFirstToken(simulator: OpenRouterSimulator, body: unknown): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${simulator.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${simulator.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const decoder = new TextDecoder();
  let seen = '';
  let firstToken: number | undefined;
  if (response.body !== null) {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      if (firstToken === undefined) {
        seen += decoder.decode(chunk, { stream: true });
        if (seen.includes('"content":"')) {
          firstToken = performance.now() - started;
        }
      }
    }
  }
  if (firstToken === undefined) {
    throw new Error('The model streamed no content');
  }
  return firstToken;
}

/** Runs `samples` measurements with `concurrency` of them in flight at once. */
async function concurrently(
  samples: number,
  concurrency: number,
  once: () => Promise<number>,
): Promise<number[]> {
  const results: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < samples) {
        next += 1;
        results.push(await once());
      }
    }),
  );
  return results;
}
