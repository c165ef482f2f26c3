import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, of } from 'rxjs';
import { filter } from 'rxjs/operators';

import type { SearchResponse } from '@deskpilot/contracts';
import { AnsweringRpc, SearchRpc, catalog, topology } from '@deskpilot/contracts';
// The benchmark drives the built service exactly as the launcher does.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startLlm } from '@deskpilot/llm';
import type { Broker } from '@deskpilot/messaging';
import { AmqpBroker, InProcessBroker, MessageBus } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import { startOpenRouterSimulator } from '@deskpilot/openrouter-simulator';
import type { OpenRouterSimulator } from '@deskpilot/openrouter-simulator';
import { startEmbeddedPostgres } from '@deskpilot/persistence';

/*
 * Latency Deskpilot adds before the first token: time from a chat's answer request on the bus to
 * its first token chunk, minus the time the model itself takes to its first token (the same
 * prompt sent straight to the simulator, which answers with zero delay).
 *
 *   node services/llm/bench/dist/first-token-latency.js
 *
 * Uses DATABASE_URL and AMQP_URL when set (distributed mode), else PGlite and the in-process bus
 * (embedded mode). BENCH_SAMPLES sets the number of chats per run (default 200).
 */

const COMMAND = 'node services/llm/bench/dist/first-token-latency.js';
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 200);
const QUESTION = 'How do I restart Apache after changing the PHP version?';

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

interface Environment {
  readonly broker: Broker;
  readonly databaseUrl: string;
  readonly mode: string;
  close(): Promise<void>;
}

async function openEnvironment(): Promise<Environment> {
  const logger = createLogger({ service: 'bench', instanceId: 'bench', level: 'silent' });
  const retry = { maxAttempts: 3, delaysMs: [1_000] };
  const amqpUrl = process.env['AMQP_URL'];
  const broker: Broker = amqpUrl
    ? new AmqpBroker({
        url: amqpUrl,
        connectionName: 'llm-bench',
        logger,
        catalog,
        topology: BENCH_TOPOLOGY,
        retry,
      })
    : new InProcessBroker({ catalog, topology: BENCH_TOPOLOGY, retry });
  await broker.connect();
  const databaseUrl = process.env['DATABASE_URL'];
  if (databaseUrl) {
    return {
      broker,
      databaseUrl,
      mode: 'PostgreSQL + ' + (amqpUrl ? 'RabbitMQ' : 'in-process bus'),
      close: () => broker.close(),
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-bench-'));
  const postgres = await startEmbeddedPostgres(dataDir, logger);
  return {
    broker,
    databaseUrl: postgres.url,
    mode: `PGlite + ${amqpUrl ? 'RabbitMQ' : 'in-process bus'} (embedded)`,
    close: async () => {
      await broker.close();
      await postgres.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function deskpilotFirstToken(bus: MessageBus): Promise<number> {
  const started = performance.now();
  await firstValueFrom(
    bus
      .stream(AnsweringRpc.Answer, {
        interactionId: randomUUID(),
        question: QUESTION,
        history: [],
        user: { id: 'bench-user' },
        purpose: 'chat',
        inspect: false,
      })
      .pipe(filter((chunk) => chunk.type === 'token')),
  );
  return performance.now() - started;
}

async function modelFirstToken(simulator: OpenRouterSimulator, body: unknown): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${simulator.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${simulator.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let seen = '';
  while (reader && !seen.includes('"content":"')) {
    const read = await reader.read();
    if (read.done) {
      break;
    }
    seen += decoder.decode(read.value as Uint8Array);
  }
  const elapsed = performance.now() - started;
  await reader?.cancel();
  return elapsed;
}

/** Runs `samples` measurements with `concurrency` running at once. */
async function measure(
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

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function report(label: string, deskpilot: number[], model: number[]): void {
  for (const p of [50, 99]) {
    const total = percentile(deskpilot, p);
    const own = percentile(model, p);
    process.stdout.write(
      `llm first-token latency added, ${label}, p${p}: ${(total - own).toFixed(1)} ms ` +
        `(to first token ${total.toFixed(1)} ms, model's own ${own.toFixed(1)} ms, ` +
        `${deskpilot.length} chats) [${COMMAND}]\n`,
    );
  }
}

async function main(): Promise<void> {
  const environment = await openEnvironment();
  const simulator = await startOpenRouterSimulator({ tokenDelayMs: 0, firstTokenDelayMs: 0 });
  const llm = await startLlm({
    broker: environment.broker,
    env: {
      DATABASE_URL: environment.databaseUrl,
      LOG_LEVEL: 'silent',
      OPENROUTER_BASE_URL: simulator.baseUrl,
      OPENROUTER_API_KEY: simulator.apiKey,
      LLM_MODEL: 'simulator/zero-delay',
    },
  });
  const retrieval = await environment.broker.consume(
    { service: 'retrieval', instanceId: 'bench-retrieval', prefetch: 64 },
    { onEvent: () => Promise.resolve(), onRequest: () => of(SEARCH_RESPONSE) },
  );
  const bus = new MessageBus(environment.broker, { service: 'gateway', defaultTimeoutMs: 30_000 });
  try {
    process.stdout.write(
      `llm first-token benchmark: ${environment.mode}, simulator with zero delay\n`,
    );
    await measure(20, 5, () => deskpilotFirstToken(bus));
    const prompt = simulator.control.chatRequests().at(-1)?.body;
    for (const concurrency of [1, 50]) {
      const deskpilot = await measure(SAMPLES, concurrency, () => deskpilotFirstToken(bus));
      const model = await measure(SAMPLES, concurrency, () => modelFirstToken(simulator, prompt));
      report(`${concurrency} concurrent chat${concurrency === 1 ? '' : 's'}`, deskpilot, model);
    }
  } finally {
    await retrieval.stop();
    await llm.stop();
    await simulator.close();
    await environment.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
