import { setTimeout as sleep } from 'node:timers/promises';

import { KnowledgeEvent, SearchRpc } from '@deskpilot/contracts';

import type { RunningProcess } from '../distributed/distributed-system';
import type { DrillSystemOptions } from '../drills/drill-system';
import { DrillSystem, retrying } from '../drills/drill-system';
import type { BacklogRun } from './drafting-backlog';
import { draftBacklog, eventsHandled } from './drafting-backlog';
import type { Figure, Suite } from './figures';
import { percentile, round } from './figures';
import { replyLatencies } from './reply-latency';

const BACKLOG = Number(process.env.BENCH_SCALING_BACKLOG ?? 500);
const LLM_REPLICAS = 3;
const INGEST_REPLICAS = 2;
/** Documents indexed before the retrieval replicas are compared (spread over the ingest workers). */
const AGREEMENT_DOCUMENTS = 8;
const LATENCY_SAMPLES = 30;
const LATENCY_WARMUP = 3;
const QUERIES = [
  'restart PHP-FPM after an upgrade',
  'control panel PHP settings',
  'internal server error WordPress',
  'wait one minute after restart',
  'how to restart',
];

/**
 * Ticket drafting in the distributed mode: how long a new customer reply takes to become a ready
 * draft (OpenRouter simulator answering without delay), and drafts per minute on a WHMCS backlog
 * with one and with three llm workers (offline answerer, so the figure is the pipeline's and not
 * a model's). Each backlog run starts a system of its own (fresh database, virtual host and WHMCS
 * simulator) so both begin from the same state; the three-worker run (with two ingest workers)
 * also checks how drafts and documents spread over the replicas and whether two retrieval
 * replicas answer the same.
 */
export const scalingSuite: Suite = {
  name: 'scaling',
  description: `ticket drafting: reply-to-draft latency, drafts per minute on a ${BACKLOG}-ticket backlog with 1 and ${LLM_REPLICAS} llm workers`,
  async run(command) {
    const latencies = await withDrill(
      {
        dependencies: 'shared',
        answerer: 'openrouter-simulator',
        pollSeconds: 3600,
        replicas: { llm: 1, retrieval: 1 },
      },
      async (drill) => {
        const batch = await drill.submit('latency', 0, 8);
        await drill.settle(batch, [], 300_000);
        return replyLatencies(drill, LATENCY_SAMPLES, LATENCY_WARMUP);
      },
    );
    const backlog: DrillSystemOptions = {
      dependencies: 'shared',
      answerer: 'offline',
      pollSeconds: 1,
      closeSeedTickets: true,
      // The default is one WHMCS call at a time; a backlog is where reading four at once pays.
      whmcsConcurrency: 4,
    };
    const one = await withDrill({ ...backlog, replicas: { llm: 1, retrieval: 2 } }, (drill) =>
      draftBacklog(drill, BACKLOG),
    );
    const { three, agreement, ingested } = await withDrill(
      { ...backlog, replicas: { llm: LLM_REPLICAS, retrieval: 2, ingest: INGEST_REPLICAS } },
      async (drill) => ({
        three: await draftBacklog(drill, BACKLOG),
        agreement: await retrievalAgreement(drill),
        ingested: await eventsHandled(drill, 'ingest', KnowledgeEvent.Queued),
      }),
    );
    const figure = (
      name: string,
      value: number,
      unit: string,
      extra: Partial<Figure> = {},
    ): Figure => ({ suite: 'scaling', name, value, unit, command, ...extra });
    const ms = (values: number[], p: number): number =>
      round(
        percentile(
          [...values].sort((a, b) => a - b),
          p,
        ),
        0,
      );
    const total = latencies.map((l) => l.total);
    const threeVsOne = (name: string, pick: (run: BacklogRun) => number, digits = 0): Figure =>
      figure(`${name}, ${LLM_REPLICAS} llm workers`, round(pick(three), digits), '/min', {
        baseline: { name: '1 llm worker', value: round(pick(one), digits) },
      });
    return [
      figure(
        `reply-to-draft latency p50 (${latencies.length} replies, poll triggered)`,
        ms(total, 50),
        'ms',
      ),
      figure(
        `reply-to-draft latency p95 (${latencies.length} replies, poll triggered)`,
        ms(total, 95),
        'ms',
      ),
      figure(
        'of which reply stored → draft requested (the poll), p50',
        ms(
          latencies.map((l) => l.toRequest),
          50,
        ),
        'ms',
      ),
      figure(
        'of which draft requested → ready, p50',
        ms(
          latencies.map((l) => l.drafting),
          50,
        ),
        'ms',
      ),
      figure(
        `drafts per minute, first request to ${BACKLOG}th ready, 1 llm worker`,
        round(one.draftsPerMinute, 0),
        '/min',
      ),
      threeVsOne(
        `drafts per minute, first request to ${BACKLOG}th ready`,
        (r) => r.draftsPerMinute,
      ),
      figure(
        `drafts per minute, tickets opened to ${BACKLOG}th ready, 1 llm worker`,
        round(one.endToEndPerMinute, 0),
        '/min',
      ),
      threeVsOne(
        `drafts per minute, tickets opened to ${BACKLOG}th ready`,
        (r) => r.endToEndPerMinute,
      ),
      ...runDetails(figure, one, '1 llm worker'),
      ...runDetails(figure, three, `${LLM_REPLICAS} llm workers`),
      ...three.handledPerLlm.map((count, i) =>
        figure(`drafts handled by llm-${i} in the ${LLM_REPLICAS}-worker run`, count, 'drafts'),
      ),
      ...ingested.map((count, i) =>
        figure(
          `documents ingested by ingest-${i} in the ${LLM_REPLICAS}-worker run (of ${AGREEMENT_DOCUMENTS})`,
          count,
          'documents',
        ),
      ),
      figure(
        `search queries answered identically by both retrieval replicas (of ${QUERIES.length})`,
        agreement,
        'queries',
      ),
    ];
  },
};

type FigureOf = (name: string, value: number, unit: string) => Figure;

/** Where the time and the CPU of one backlog run went. */
function runDetails(figure: FigureOf, run: BacklogRun, label: string): Figure[] {
  const cores = (service: string): number => round(run.cores.get(service) ?? 0, 2);
  return [
    figure(`${label}: tickets opened → first draft request`, round(run.toFirstRequestS, 1), 's'),
    figure(`${label}: first → last draft request`, round(run.requestSpreadS, 1), 's'),
    figure(`${label}: CPU of whmcs-sync`, cores('whmcs-sync'), 'cores'),
    figure(`${label}: CPU of the llm worker(s)`, cores('llm'), 'cores'),
    figure(`${label}: CPU of retrieval (2 replicas)`, cores('retrieval'), 'cores'),
    figure(`${label}: CPU of the bench process (WHMCS simulator)`, cores('bench'), 'cores'),
    figure(
      `${label}: CPU of everything started (all services, simulators)`,
      round(
        [...run.cores.values()].reduce((sum, used) => sum + used, 0),
        2,
      ),
      'cores',
    ),
    figure(
      `${label}: load average (1 min, mean over the run)`,
      round(run.loadAverage, 1),
      'on 2 cores',
    ),
  ];
}

/** Starts a system of its own for `work`, and stops it afterwards. */
async function withDrill<T>(
  options: DrillSystemOptions,
  work: (drill: DrillSystem) => Promise<T>,
): Promise<T> {
  const drill = await DrillSystem.start(options);
  try {
    return await work(drill);
  } finally {
    await drill.stop(false);
  }
}

async function waitHealthy(processes: readonly RunningProcess[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (const p of processes) {
    for (;;) {
      const response = await fetch(`http://127.0.0.1:${p.port}/health`).catch(() => undefined);
      if (response?.status === 200) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`${p.service}-${p.replica} did not come back`);
      }
      await sleep(500);
    }
  }
}

/**
 * Indexes a few documents and waits until both replicas have applied the index events (with both
 * running, the same queries give the same hits three rounds in a row), then asks the queries with
 * only retrieval-0 running and with only retrieval-1 running (the other stopped), and counts the
 * queries whose hits are the same chunks in the same order. A disagreement is printed.
 */
async function retrievalAgreement(drill: DrillSystem): Promise<number> {
  const batch = await drill.submit('scaling-retrieval', 0, AGREEMENT_DOCUMENTS);
  await drill.settle(batch, [], 300_000);
  const [first, second] = [drill.system.find('retrieval', 0), drill.system.find('retrieval', 1)];
  const answers = async (): Promise<string[]> => {
    const results: string[] = [];
    for (const query of QUERIES) {
      const response = await retrying(() =>
        drill.bus.request(SearchRpc.Search, { query, topK: 8, denseWeight: 0.5 }),
      );
      results.push(response.hits.map((hit) => hit.chunkId).join(','));
    }
    return results;
  };
  await untilStable(answers);
  await second.process.stop();
  const fromFirst = await answers();
  second.process.start();
  await waitHealthy([second]);
  await first.process.stop();
  const fromSecond = await answers();
  first.process.start();
  await waitHealthy([first]);
  fromFirst.forEach((result, i) => {
    if (result === '' || result !== fromSecond[i]) {
      process.stderr.write(
        `  "${QUERIES[i] ?? ''}": retrieval-0 [${result}] retrieval-1 [${fromSecond[i] ?? ''}]\n`,
      );
    }
  });
  return fromFirst.filter((result, i) => result !== '' && result === fromSecond[i]).length;
}

async function untilStable(answers: () => Promise<string[]>): Promise<void> {
  const deadline = Date.now() + 60_000;
  let previous = '';
  let same = 0;
  while (same < 3 && Date.now() < deadline) {
    const current = (await answers()).join('|');
    same = current === previous ? same + 1 : 1;
    previous = current;
    await sleep(200);
  }
}
