import { setTimeout as sleep } from 'node:timers/promises';

import type { DraftView } from '@deskpilot/contracts';
import { DraftingEvent, TicketsRpc } from '@deskpilot/contracts';

import type { DrillSystem } from '../drills/drill-system';
import { retrying } from '../drills/drill-system';
import { backlogTimings, perMinute } from './backlog-timings';
import { cpuSeconds, sampleLoadAverage } from './machine-load';

const DRAFT_TIMEOUT_MS = 15 * 60_000;
const PAGE = 200;

export interface BacklogRun {
  /** From the first draft request to the last draft ready. */
  readonly draftsPerMinute: number;
  /** From the tickets appearing in WHMCS (poll wait included) to the last draft ready. */
  readonly endToEndPerMinute: number;
  /** From the tickets appearing in WHMCS to the first draft request: the poll reading them. */
  readonly toFirstRequestS: number;
  /** From the first to the last draft request: how fast whmcs-sync hands the work out. */
  readonly requestSpreadS: number;
  /** Draft requests each llm replica acknowledged, in replica order. */
  readonly handledPerLlm: readonly number[];
  /** CPU used per service (all its replicas) during the run, in cores. */
  readonly cores: ReadonlyMap<string, number>;
  /** Mean one-minute load average while the run lasted. */
  readonly loadAverage: number;
}

/**
 * Customers open `size` tickets at once in a WHMCS that has no other ticket waiting, on a system
 * that has drafted nothing yet; waits until every one has a ready draft.
 */
export async function draftBacklog(drill: DrillSystem, size: number): Promise<BacklogRun> {
  await assertPristine(drill);
  const cpuBefore = await cpuByService(drill);
  const load = sampleLoadAverage();
  const openedAt = Date.now();
  const batch = await drill.submit('scaling', size, 0);
  const waiting = drill.whmcs.control.summary().awaitingReply;
  if (waiting !== size) {
    throw new Error(`WHMCS has ${waiting} tickets waiting, not ${size}`);
  }
  await waitReady(drill, size);
  const elapsedS = (Date.now() - openedAt) / 1000;
  const loadAverage = load.stop();
  const cpuAfter = await cpuByService(drill);
  const drafts = await readyDrafts(drill);
  const ticketIds = new Set(batch.ticketIds);
  const timings = backlogTimings(drafts.filter((draft) => ticketIds.has(draft.ticketId)));
  const cores = new Map(
    [...cpuAfter].map(([service, seconds]) => [
      service,
      (seconds - (cpuBefore.get(service) ?? 0)) / elapsedS,
    ]),
  );
  return {
    draftsPerMinute: perMinute(size, timings.firstRequestAt, timings.lastReadyAt),
    endToEndPerMinute: perMinute(size, openedAt, timings.lastReadyAt),
    toFirstRequestS: (timings.firstRequestAt - openedAt) / 1000,
    requestSpreadS: (timings.lastRequestAt - timings.firstRequestAt) / 1000,
    handledPerLlm: await eventsHandled(drill, 'llm', DraftingEvent.DraftRequested),
    cores,
    loadAverage,
  };
}

/**
 * The same starting state for every run: whmcs-sync has polled, nothing waits in WHMCS and the
 * system holds no draft.
 */
async function assertPristine(drill: DrillSystem): Promise<void> {
  const deadline = Date.now() + 60_000;
  let status = await retrying(() => drill.bus.request(TicketsRpc.SyncStatus, {}));
  while (status.lastSuccessAt === null && Date.now() < deadline) {
    await sleep(250);
    status = await retrying(() => drill.bus.request(TicketsRpc.SyncStatus, {}));
  }
  const waiting = drill.whmcs.control.summary().awaitingReply;
  const drafts = Object.values(status.draftsByStatus).reduce((sum, count) => sum + count, 0);
  if (waiting !== 0 || drafts !== 0 || status.lastSuccessAt === null) {
    throw new Error(
      `Not a fresh start: ${waiting} tickets waiting, ${drafts} drafts, polled ${String(status.lastSuccessAt)}`,
    );
  }
}

async function waitReady(drill: DrillSystem, size: number): Promise<void> {
  const deadline = Date.now() + DRAFT_TIMEOUT_MS;
  let lastReport = Date.now();
  for (;;) {
    const status = await retrying(() => drill.bus.request(TicketsRpc.SyncStatus, {}));
    const ready = status.draftsByStatus['ready'] ?? 0;
    if (ready >= size) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`Only ${ready}/${size} drafts ready in time`);
    }
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      process.stderr.write(`  ${ready}/${size} drafts ready\n`);
    }
    await sleep(250);
  }
}

async function readyDrafts(drill: DrillSystem): Promise<DraftView[]> {
  const drafts: DraftView[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await drill.bus.request(TicketsRpc.ListDrafts, {
      status: ['ready'],
      limit: PAGE,
      offset,
    });
    drafts.push(...page.items);
    if (page.items.length < PAGE) {
      return drafts;
    }
  }
}

/** CPU seconds used so far per service (all replicas) and by this process (the simulators). */
async function cpuByService(drill: DrillSystem): Promise<Map<string, number>> {
  const used = new Map<string, number>();
  for (const p of drill.system.processes) {
    used.set(p.service, (used.get(p.service) ?? 0) + (await cpuSeconds(p.process.pid)));
  }
  const own = process.cpuUsage();
  used.set('bench', (own.user + own.system) / 1e6);
  return used;
}

/** Draft requests each llm replica acknowledged, from its own /metrics. */
/** Events of `name` each replica of `service` acknowledged, in replica order (from its metrics). */
export async function eventsHandled(
  drill: DrillSystem,
  service: string,
  name: string,
): Promise<number[]> {
  const counts: number[] = [];
  for (const p of drill.system.processes.filter((candidate) => candidate.service === service)) {
    const text = await (await fetch(`http://127.0.0.1:${p.port}/metrics`)).text();
    const line = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith('deskpilot_bus_events_handled_total{') &&
          l.includes(`name="${name}"`) &&
          l.includes('outcome="ack"'),
      );
    counts.push(Number(line?.split(' ').pop() ?? 0));
  }
  return counts;
}
