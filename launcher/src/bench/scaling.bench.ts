import { setTimeout as sleep } from 'node:timers/promises';

import { SearchRpc, TicketsRpc } from '@deskpilot/contracts';

import type { RunningProcess } from '../distributed/distributed-system';
import { DrillSystem, retrying } from '../drills/drill-system';
import type { Figure, Suite } from './figures';
import { round } from './figures';

const BACKLOG = Number(process.env.BENCH_SCALING_BACKLOG ?? 500);
const LLM_REPLICAS = 3;
const DRAFT_TIMEOUT_MS = 15 * 60_000;
const QUERIES = [
  'restart PHP-FPM after an upgrade',
  'control panel PHP settings',
  'internal server error WordPress',
  'wait one minute after restart',
  'how to restart',
];

/**
 * Drafts per minute on a WHMCS backlog with one and with three llm workers in the same run (the
 * distributed mode, offline answerer, so the figure is the pipeline's and not a model's), how the
 * drafts spread over the three replicas, and whether two retrieval replicas answer the same.
 */
export const scalingSuite: Suite = {
  name: 'scaling',
  description: `drafts per minute on a ${BACKLOG}-ticket backlog with 1 and ${LLM_REPLICAS} llm workers, retrieval replicas agreeing`,
  async run(command) {
    const drill = await DrillSystem.start({
      dependencies: 'shared',
      answerer: 'offline',
      pollSeconds: 1,
      replicas: { llm: LLM_REPLICAS, retrieval: 2 },
    });
    try {
      const llm = drill.system.processes.filter((p) => p.service === 'llm');
      const spare = llm.filter((p) => p.replica > 0);
      for (const replica of spare) {
        await replica.process.stop();
      }
      const one = await draftBacklog(drill, 'one');
      for (const replica of spare) {
        replica.process.start();
      }
      await waitHealthy(spare);
      const before = await draftsHandled(llm);
      const three = await draftBacklog(drill, 'three');
      const after = await draftsHandled(llm);
      const spread = llm.map((_, i) => (after[i] ?? 0) - (before[i] ?? 0));
      const agreement = await retrievalAgreement(drill);
      const figure = (
        name: string,
        value: number,
        unit: string,
        extra: Partial<Figure> = {},
      ): Figure => ({ suite: 'scaling', name, value, unit, command, ...extra });
      return [
        figure(`drafts per minute, ${BACKLOG}-ticket backlog, 1 llm worker`, round(one, 0), '/min'),
        figure(
          `drafts per minute, ${BACKLOG}-ticket backlog, ${LLM_REPLICAS} llm workers`,
          round(three, 0),
          '/min',
          { baseline: { name: '1 llm worker', value: round(one, 0) } },
        ),
        ...llm.map((p, i) =>
          figure(
            `drafts handled by llm-${p.replica} in the ${LLM_REPLICAS}-worker run`,
            spread[i] ?? 0,
            'drafts',
          ),
        ),
        figure(
          `search queries answered identically by both retrieval replicas (of ${QUERIES.length})`,
          agreement,
          'queries',
        ),
      ];
    } finally {
      await drill.stop(false);
    }
  },
};

/** Opens BACKLOG tickets at once and returns drafts per minute until all of them are ready. */
async function draftBacklog(drill: DrillSystem, label: string): Promise<number> {
  const readyNow = async (): Promise<number> =>
    (await retrying(() => drill.bus.request(TicketsRpc.SyncStatus, {}))).draftsByStatus['ready'] ??
    0;
  const target = (await readyNow()) + BACKLOG;
  const started = performance.now();
  await drill.submit(`scaling-${label}`, BACKLOG, 0);
  const deadline = Date.now() + DRAFT_TIMEOUT_MS;
  let lastReport = Date.now();
  for (;;) {
    const ready = await readyNow();
    if (ready >= target) {
      break;
    }
    if (Date.now() > deadline) {
      throw new Error(`Only ${ready - target + BACKLOG}/${BACKLOG} drafts ready in time`);
    }
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      process.stderr.write(`  ${label} worker(s): ${ready - target + BACKLOG}/${BACKLOG} ready\n`);
    }
    await sleep(250);
  }
  const minutes = (performance.now() - started) / 60_000;
  return BACKLOG / minutes;
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

/** Draft requests each replica acknowledged, from its own /metrics. */
async function draftsHandled(processes: readonly RunningProcess[]): Promise<number[]> {
  const counts: number[] = [];
  for (const p of processes) {
    const text = await (await fetch(`http://127.0.0.1:${p.port}/metrics`)).text();
    const line = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith('deskpilot_bus_events_handled_total{') &&
          l.includes('name="tickets.draft.requested"') &&
          l.includes('outcome="ack"'),
      );
    counts.push(Number(line?.split(' ').pop() ?? 0));
  }
  return counts;
}

/**
 * Indexes a few documents, then asks the same queries with only retrieval-0 running and with
 * only retrieval-1 running (the other stopped), and counts the queries whose hits are the same
 * chunks in the same order.
 */
async function retrievalAgreement(drill: DrillSystem): Promise<number> {
  const batch = await drill.submit('scaling-retrieval', 0, 8);
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
  await second.process.stop();
  const fromFirst = await answers();
  second.process.start();
  await waitHealthy([second]);
  await first.process.stop();
  const fromSecond = await answers();
  first.process.start();
  await waitHealthy([first]);
  return fromFirst.filter((result, i) => result !== '' && result === fromSecond[i]).length;
}
