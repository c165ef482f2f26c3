import autocannon from 'autocannon';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Figure, Suite } from './figures';
import { round } from './figures';
import type { LoadStep } from './load-summary';
import { describeStep, isFailedAnswerStream, seriesFigures, summariseStep } from './load-summary';
import { LoadSystem } from './load-system';
import type { WatchedProcess } from './process-cpu';
import { cpuPercent, cpuSeconds } from './process-cpu';

const CONNECTIONS = [1, 4, 16, 64];
const STEP_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
/** A streamed answer takes over a second: longer steps give its percentiles enough samples. */
const STREAM_STEP_SECONDS = 3 * STEP_SECONDS;
/** A model that starts answering after 200 ms and streams 100 tokens a second. */
const MODEL = { firstTokenDelayMs: 200, tokenDelayMs: 10 };
const CHAT_MESSAGES_PER_MINUTE = 10_000;
/** Enough that each conversation's history stays short over the whole run. */
const CONVERSATIONS = 256;
const REQUEST_TIMEOUT_SECONDS = 60;
/** Lets answers cut off at the end of a step finish before the next step starts. */
const DRAIN_MS = 3_000;
const QUERIES = [
  'change the PHP version of my site',
  'reset the cPanel password',
  'SPF and DKIM records for email delivery',
  'AutoSSL certificate not issued',
  'restore a backup',
  'DNS propagation after changing nameservers',
];
const QUESTIONS = [
  'How do I change the PHP version of my website?',
  'A customer cannot log in to cPanel. How do they reset the password?',
  'Our emails land in spam. Which SPF and DKIM records do we need?',
  'Why was no AutoSSL certificate issued for a new domain?',
];

interface Measured {
  readonly step: LoadStep;
  /** Share of one core each process used during the step, in per cent. */
  readonly cpu: ReadonlyMap<string, number>;
}

interface Target {
  readonly label: string;
  readonly seconds: number;
  readonly options: autocannon.Options;
}

/**
 * Latency percentiles, throughput and failures of search and of a fully streamed chat answer
 * through the gateway's HTTP API in the distributed mode, at rising concurrency. Each step is
 * measured next to its baselines in the same run: GET /api/health/live (the HTTP floor) and the
 * model simulator answering the same prompt directly (the floor of a chat answer).
 */
export const loadSuite: Suite = {
  name: 'load',
  description: `HTTP load on search and chat, distributed mode, ${CONNECTIONS.join('/')} connections, ${STEP_SECONDS} s a step (${STREAM_STEP_SECONDS} s for streamed answers)`,
  async run(command) {
    const load = await LoadSystem.start({
      model: MODEL,
      chatMessagesPerMinute: CHAT_MESSAGES_PER_MINUTE,
      conversations: CONVERSATIONS,
    });
    try {
      const [health, search, chat] = [
        healthTarget(load),
        searchTarget(load),
        chatTarget(load),
      ] as const;
      for (const warmUp of [health, search, chat]) {
        await autocannon({ ...warmUp.options, connections: 4, amount: 40 });
      }
      const model = modelTarget(load);
      const watched: WatchedProcess[] = [
        ...load.system.processes.map((p) => ({
          name: `${p.service}-${p.replica}`,
          pids: () => Promise.resolve(p.process.pid === undefined ? [] : [p.process.pid]),
        })),
        { name: 'PostgreSQL backends of the run', pids: () => load.databaseBackends() },
        {
          name: 'bench process (autocannon, simulators)',
          pids: () => Promise.resolve([process.pid]),
        },
      ];
      const runs = {
        health: [] as Measured[],
        search: [] as Measured[],
        model: [] as Measured[],
        chat: [] as Measured[],
      };
      const loads: number[] = [];
      for (const connections of CONNECTIONS) {
        runs.health.push(await measure(health, connections, watched));
        runs.search.push(await measure(search, connections, watched));
        runs.model.push(await measure(model, connections, watched));
        runs.chat.push(await measure(chat, connections, watched));
        loads.push(loadavg()[0] ?? Number.NaN);
      }
      const steps = (measured: readonly Measured[]): LoadStep[] => measured.map((m) => m.step);
      const figure = (name: string, value: number, unit: string): Figure => ({
        suite: 'load',
        name,
        value,
        unit,
        command,
      });
      /** Where the CPU went at the highest concurrency: which process saturates first. */
      const cpuFigures = (label: string, measured: readonly Measured[]): Figure[] => {
        const last = measured.at(-1);
        return [...(last?.cpu ?? [])].map(([name, percent]) =>
          figure(
            `${label}, ${last?.step.connections} connections: CPU of ${name}`,
            percent,
            '% of a core',
          ),
        );
      };
      return [
        ...seriesFigures({ label: health.label, steps: steps(runs.health) }, command),
        ...seriesFigures(
          {
            label: search.label,
            steps: steps(runs.search),
            latencyBaseline: { name: 'GET /api/health/live', steps: steps(runs.health) },
          },
          command,
        ),
        ...seriesFigures(
          {
            label: chat.label,
            steps: steps(runs.chat),
            latencyBaseline: {
              name: 'model simulator alone, same prompt',
              steps: steps(runs.model),
            },
          },
          command,
        ),
        ...cpuFigures(search.label, runs.search),
        ...cpuFigures(chat.label, runs.chat),
        figure(
          `1-minute load average after each concurrency, mean (${cpus().length} cores)`,
          round(loads.reduce((sum, value) => sum + value, 0) / loads.length, 2),
          '',
        ),
        figure(
          `1-minute load average after each concurrency, highest (${cpus().length} cores)`,
          round(Math.max(...loads), 2),
          '',
        ),
      ];
    } finally {
      await load.stop();
    }
  },
};

async function measure(
  target: Target,
  connections: number,
  watched: readonly WatchedProcess[],
): Promise<Measured> {
  const before = await cpuSeconds(watched);
  const started = performance.now();
  const result = await autocannon({
    ...target.options,
    connections,
    duration: target.seconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
  });
  const cpu = cpuPercent(before, await cpuSeconds(watched), (performance.now() - started) / 1000);
  const step = summariseStep(result);
  const shares = [...cpu].map(([name, percent]) => `${name} ${percent}%`).join(', ');
  process.stdout.write(`  ${describeStep(target.label, step)}\n    CPU: ${shares}\n`);
  await sleep(DRAIN_MS);
  return { step, cpu };
}

function healthTarget(load: LoadSystem): Target {
  return {
    label: 'GET /api/health/live',
    seconds: STEP_SECONDS,
    options: { url: `${load.system.url}/api/health/live` },
  };
}

function searchTarget(load: LoadSystem): Target {
  let next = 0;
  return {
    label: 'POST /api/search',
    seconds: STEP_SECONDS,
    options: {
      url: `${load.system.url}/api/search`,
      method: 'POST',
      headers: { authorization: load.authorization, 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (request) => {
            next += 1;
            const query = QUERIES[next % QUERIES.length] ?? '';
            return { ...request, body: JSON.stringify({ query, topK: 8 }) };
          },
        },
      ],
    },
  };
}

/** A question in one of the pool's conversations, in turn, read as server-sent events to the end. */
function chatTarget(load: LoadSystem): Target {
  let next = 0;
  return {
    label: 'POST /api/conversations/:id/messages (streamed)',
    seconds: STREAM_STEP_SECONDS,
    options: {
      url: `${load.system.url}/api/conversations`,
      method: 'POST',
      headers: {
        authorization: load.authorization,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      verifyBody: (body) => !isFailedAnswerStream(body),
      requests: [
        {
          setupRequest: (request) => {
            next += 1;
            const conversation = load.conversationIds[next % load.conversationIds.length] ?? '';
            const content = QUESTIONS[next % QUESTIONS.length] ?? '';
            return {
              ...request,
              path: `/api/conversations/${conversation}/messages`,
              body: JSON.stringify({ content }),
            };
          },
        },
      ],
    },
  };
}

/** The last prompt llm sent, streamed by the simulator directly: what a chat answer cannot beat. */
function modelTarget(load: LoadSystem): Target {
  const prompt = load.openRouter.control.chatRequests().at(-1)?.body;
  if (prompt === undefined) {
    throw new Error('The warm-up sent no prompt to the model simulator');
  }
  return {
    label: 'model simulator alone',
    seconds: STREAM_STEP_SECONDS,
    options: {
      url: `${load.openRouter.baseUrl}/chat/completions`,
      method: 'POST',
      headers: {
        authorization: `Bearer ${load.openRouter.apiKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(prompt),
      verifyBody: (body) => (body?.toString() ?? '').includes('data: [DONE]'),
    },
  };
}
