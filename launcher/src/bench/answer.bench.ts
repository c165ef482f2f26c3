import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { lastValueFrom, of } from 'rxjs';
import { tap } from 'rxjs/operators';

import type { SearchResponse } from '@deskpilot/contracts';
import { AnsweringRpc, SearchRpc, catalog, topology } from '@deskpilot/contracts';
import { startLlm } from '@deskpilot/llm';
import type { Broker } from '@deskpilot/messaging';
import { AmqpBroker, InProcessBroker, MessageBus } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import { SIMULATOR_CLI } from '@deskpilot/openrouter-simulator';
import { startEmbeddedPostgres } from '@deskpilot/persistence';
import { createTestDatabase, createTestVhost } from '@deskpilot/testing';

import { serviceEntry } from '../distributed/service-entry';
import type { Figure, Suite } from './figures';
import { percentile, round } from './figures';

const run = promisify(execFile);

/** Answers per row: the opening burst of a 50-chat row is a tenth of them, not half. */
const SAMPLES = 500;
/**
 * A zero-delay model streams a whole answer at once, so 50 chats in flight are 50 answers'
 * worth of tokens competing with each new request; the paced run shows the same 50 chats
 * with a model streaming at a realistic rate, its first token still at once. The follow-up row
 * asks after an earlier question, so the model first rewrites it for the search: what that
 * round trip adds, the model's own time for it included (it answers at once).
 */
const SCENARIOS = [
  { concurrency: 1, tokenDelayMs: 0, followUp: false },
  { concurrency: 50, tokenDelayMs: 0, followUp: false },
  { concurrency: 50, tokenDelayMs: 20, followUp: false },
  { concurrency: 1, tokenDelayMs: 0, followUp: true },
] as const;
const QUESTION = 'How do I restart Apache after changing the PHP version?';
/** What a follow-up's conversation asked and answered before it. */
const EARLIER_TURNS = [
  { role: 'user', content: 'How do I change the PHP version of my site?' },
  { role: 'assistant', content: 'Open MultiPHP Manager in cPanel and pick the version [1].' },
] as const;
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

/** The model, as the llm service sees it: an OpenRouter simulator in a process of its own. */
interface ModelProcess {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Forgets the chat requests received so far. */
  clearRequests(): Promise<void>;
  /**
   * The model's own time to first token of each streamed chat request since the last clearing,
   * timed by the simulator from the request's arrival, by the request's `user`.
   */
  ownFirstTokens(): Promise<Map<string, number>>;
  /** Pause between streamed tokens (the first token always comes at once). */
  setTokenDelay(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** The llm service as one stack runs it. */
interface RunningLlm {
  stop(): Promise<void>;
  /** CPU time the llm process has used so far; only when it runs in a process of its own. */
  readonly cpuSeconds?: () => Promise<number>;
}

/** Where the llm service runs: in the bench's process (embedded) or in its own (distributed). */
interface Stack {
  readonly label: string;
  readonly broker: Broker;
  startLlm(model: ModelProcess): Promise<RunningLlm>;
  close(): Promise<void>;
}

/**
 * What Deskpilot adds before the first token of a chat answer: from the answer request on the bus
 * to the first token chunk, minus the model's own time to its first token for that same request
 * (the OpenRouter simulator, answering with zero delay, times each request from its arrival to
 * its first token). The simulator runs in a process of its own, as a remote model would; in the
 * distributed stack so does the llm service, and the bench's process plays the gateway and a
 * retrieval answering at once. Every answer is read to its end, so "N concurrent" means N
 * answers in flight, not N new ones started while earlier ones still stream.
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
  const model = await startModelProcess();
  const llm = await stack.startLlm(model).catch(async (error: unknown) => {
    await model.close();
    throw error;
  });
  const retrieval = await stack.broker.consume(
    { service: 'retrieval', instanceId: 'bench-retrieval', prefetch: 64 },
    { onEvent: () => Promise.resolve(), onRequest: () => of(SEARCH_RESPONSE) },
  );
  const bus = new MessageBus(stack.broker, { service: 'gateway', defaultTimeoutMs: 30_000 });
  const figures: Figure[] = [];
  try {
    await concurrently(20, 5, () => deskpilotFirstToken(bus, false));
    for (const { concurrency, tokenDelayMs, followUp } of SCENARIOS) {
      const hops = await searchRoundTrips(bus, concurrency);
      await model.setTokenDelay(tokenDelayMs);
      await model.clearRequests();
      const cpuBefore = await llm.cpuSeconds?.();
      const answers = await concurrently(SAMPLES, concurrency, () =>
        deskpilotFirstToken(bus, followUp),
      );
      const cpuAfter = await llm.cpuSeconds?.();
      const { added, own } = splitFirstTokens(answers, await model.ownFirstTokens());
      const pace = tokenDelayMs === 0 ? '' : `, model streaming ${1000 / tokenDelayMs} tokens/s`;
      const asked = followUp ? ', follow-ups (rewritten for the search first)' : '';
      const row = `${stack.label}, ${concurrency} concurrent chat${concurrency === 1 ? '' : 's'}${pace}${asked}`;
      for (const p of [50, 99]) {
        figures.push({
          suite: 'answer',
          name: `${row}, added p${p}`,
          value: round(percentile(added, p), 1),
          unit: 'ms',
          baseline: {
            name: `search round trip on the same bus, ${concurrency} at once`,
            value: round(percentile(hops, p), 1),
          },
          ...(p === 50 && !followUp ? { target: '< 20 ms' } : {}),
          command,
        });
      }
      figures.push({
        suite: 'answer',
        name: `${row}, model's own first token p50 (subtracted)`,
        value: round(percentile(own, 50), 1),
        unit: 'ms',
        command,
      });
      if (cpuBefore !== undefined && cpuAfter !== undefined) {
        figures.push({
          suite: 'answer',
          name: `${row}, llm CPU per answer`,
          value: round(((cpuAfter - cpuBefore) * 1000) / SAMPLES, 2),
          unit: 'ms',
          command,
        });
      }
    }
  } finally {
    await retrieval.stop();
    await llm.stop();
    await model.close();
  }
  return figures;
}

function llmEnv(databaseUrl: string, model: ModelProcess): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    OPENROUTER_BASE_URL: model.baseUrl,
    OPENROUTER_API_KEY: model.apiKey,
    LLM_MODEL: 'simulator/zero-delay',
  };
}

async function openEmbedded(): Promise<Stack> {
  const broker = new InProcessBroker({
    catalog,
    topology,
    retry: { maxAttempts: 3, delaysMs: [1_000] },
  });
  await broker.connect();
  const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-bench-'));
  const postgres = await startEmbeddedPostgres(dataDir, logger);
  return {
    label: 'embedded (PGlite, in-process bus)',
    broker,
    startLlm: async (model) => {
      const llm = await startLlm({ broker, env: llmEnv(postgres.url, model) });
      return { stop: () => llm.stop() };
    },
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
    topology,
    retry: { maxAttempts: 3, delaysMs: [1_000] },
  });
  await broker.connect();
  return {
    label: 'distributed (PostgreSQL, RabbitMQ)',
    broker,
    startLlm: (model) =>
      startLlmProcess({ ...llmEnv(database.value, model), AMQP_URL: vhost.value }),
    close: async () => {
      await broker.close();
      await vhost.dispose();
      await database.dispose();
    },
  };
}

interface AnswerTiming {
  /** The answer's user id, which the llm service passes to the model as `user`. */
  readonly user: string;
  readonly firstTokenMs: number;
}

/**
 * Each answer's time to first token less the model's own for the same request, and the model's
 * own times, both sorted.
 */
function splitFirstTokens(
  answers: readonly AnswerTiming[],
  ownByUser: ReadonlyMap<string, number>,
): { added: number[]; own: number[] } {
  const added: number[] = [];
  const own: number[] = [];
  for (const answer of answers) {
    const modelMs = ownByUser.get(answer.user);
    if (modelMs === undefined) {
      throw new Error(`The model simulator timed no first token for ${answer.user}`);
    }
    added.push(answer.firstTokenMs - modelMs);
    own.push(modelMs);
  }
  const ascending = (a: number, b: number): number => a - b;
  return { added: added.sort(ascending), own: own.sort(ascending) };
}

/**
 * Time to the first token; resolves once the whole answer is done, so `concurrency` means in
 * flight. A follow-up is asked after `EARLIER_TURNS`; the model's own time is then that of the
 * answer, its last request for the user (the rewrite comes first).
 */
async function deskpilotFirstToken(bus: MessageBus, followUp: boolean): Promise<AnswerTiming> {
  const user = `bench-${randomUUID()}`;
  const started = performance.now();
  let firstToken: number | undefined;
  await lastValueFrom(
    bus
      .stream(AnsweringRpc.Answer, {
        interactionId: randomUUID(),
        question: followUp ? 'And how do I restart Apache after that?' : QUESTION,
        history: followUp ? [...EARLIER_TURNS] : [],
        user: { id: user },
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
  return { user, firstTokenMs: firstToken };
}

/**
 * The bare cost of one hop pair on this machine at this moment: a search request and its reply
 * through the same bus, with `concurrency` in flight and the retrieval stand-in answering at
 * once. Before an answer's first token the bus is crossed four times (the request, the search
 * and its reply, the first token), twice this round trip, so the ratio to it says how much is
 * added beyond the bus itself, on a fast day or a slow one.
 */
async function searchRoundTrips(bus: MessageBus, concurrency: number): Promise<number[]> {
  const times = await concurrently(SAMPLES, concurrency, async () => {
    const started = performance.now();
    await bus.request(SearchRpc.Search, { query: QUESTION, topK: 6, denseWeight: 0 });
    return performance.now() - started;
  });
  return times.sort((a, b) => a - b);
}

/** Runs `samples` measurements with `concurrency` of them in flight at once. */
async function concurrently<T>(
  samples: number,
  concurrency: number,
  once: () => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
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

/** Starts the OpenRouter simulator's command line in a child process, answering with zero delay. */
async function startModelProcess(): Promise<ModelProcess> {
  const child = spawn(process.execPath, [SIMULATOR_CLI, '--port', '0', '--token-delay', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const banner = await firstLine(child);
    const baseUrl = /OPENROUTER_BASE_URL=(\S+)/.exec(banner)?.[1];
    const apiKey = /OPENROUTER_API_KEY=(\S+)/.exec(banner)?.[1];
    if (baseUrl === undefined || apiKey === undefined) {
      throw new Error(`Unexpected output from the OpenRouter simulator: ${banner}`);
    }
    const control = `${new URL(baseUrl).origin}/_sim`;
    const requests = `${control}/requests?path=/chat/completions&method=POST`;
    return {
      baseUrl,
      apiKey,
      clearRequests: async () => {
        const response = await fetch(requests, { method: 'DELETE' });
        if (!response.ok) {
          throw new Error(`The OpenRouter simulator kept its requests (${response.status})`);
        }
      },
      ownFirstTokens: async () => {
        const response = await fetch(requests);
        const { data } = (await response.json()) as {
          data: { body?: { user?: string }; firstTokenMs?: number }[];
        };
        const times = new Map<string, number>();
        for (const { body, firstTokenMs } of data) {
          if (body?.user !== undefined && firstTokenMs !== undefined) {
            times.set(body.user, firstTokenMs);
          }
        }
        return times;
      },
      setTokenDelay: async (ms) => {
        const response = await fetch(`${control}/settings`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ tokenDelayMs: ms }),
        });
        if (!response.ok) {
          throw new Error(`The OpenRouter simulator refused its settings (${response.status})`);
        }
      },
      close: () => stopChild(child),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** Migrates the llm service's schema, then runs the service in its own Node process. */
async function startLlmProcess(env: Record<string, string>): Promise<RunningLlm> {
  const port = await freePort();
  const fullEnv = { ...process.env, ...env, DATA_DIR: tmpdir() };
  await run(process.execPath, [serviceEntry('llm', 'migrate')], { env: fullEnv });
  const child = spawn(process.execPath, [serviceEntry('llm', 'main')], {
    env: { ...fullEnv, PORT: String(port), INSTANCE_ID: 'llm-bench', DB_MIGRATIONS: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) {
      return {
        stop: () => stopChild(child),
        cpuSeconds: () => processCpuSeconds(`http://127.0.0.1:${port}/metrics`),
      };
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      await stopChild(child);
      throw new Error('The llm service did not become healthy within 60 s');
    }
    await sleep(250);
  }
}

/** A service's CPU time so far, from its Prometheus metrics. */
async function processCpuSeconds(metricsUrl: string): Promise<number> {
  const response = await fetch(metricsUrl);
  const text = await response.text();
  const seconds = /^deskpilot_process_cpu_seconds_total (\S+)$/m.exec(text)?.[1];
  if (!response.ok || seconds === undefined) {
    throw new Error(`No CPU time in the metrics at ${metricsUrl} (${response.status})`);
  }
  return Number(seconds);
}

async function firstLine(child: ChildProcess): Promise<string> {
  if (child.stdout === null) {
    throw new Error('The child process has no output to read');
  }
  const lines = createInterface({ input: child.stdout });
  const exited = once(child, 'exit').then(() => {
    throw new Error('The process exited before it printed anything');
  });
  try {
    return await Promise.race([once(lines, 'line').then(([line]) => String(line)), exited]);
  } finally {
    lines.close();
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') {
    throw new Error('No free port');
  }
  return address.port;
}
