import { setTimeout as sleep } from 'node:timers/promises';

import type { ServiceName } from '@deskpilot/contracts';
import { TicketsRpc } from '@deskpilot/contracts';

import type { Batch, DrillSystem } from './drill-system';
import { retrying } from './drill-system';
import type { PrivateServer } from './private-dependencies';

const SETTLE_MS = 240_000;
const TICKETS = 6;
const DOCUMENTS = 4;

export interface DrillResult {
  readonly drill: string;
  readonly passed: boolean;
  readonly seconds: number;
  /** Figures and findings, one short clause each. */
  readonly details: readonly string[];
}

export interface Drill {
  readonly name: string;
  readonly description: string;
  run(system: DrillSystem): Promise<DrillResult>;
}

/**
 * What every drill checks once its fault is over: every ticket of the batch drafted, every
 * document indexed, every approval sent to WHMCS exactly once, with no manual step in between.
 */
async function finish(
  system: DrillSystem,
  drill: string,
  started: number,
  batch: Batch,
  details: string[],
  replies: 'approve' | 'approved' | 'none' = 'approve',
): Promise<DrillResult> {
  const problems: string[] = [];
  try {
    await system.settle(batch, ['ready', 'approved', 'sending', 'sent'], SETTLE_MS);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  const drafted = (await system.drafts(batch, ['ready', 'approved', 'sending', 'sent'])).size;
  const indexed = await system.indexed(batch);
  details.push(
    `${drafted}/${batch.ticketIds.length} tickets drafted`,
    `${indexed}/${batch.documentIds.length} documents indexed`,
  );
  if (replies === 'approve') {
    details.push(`${await system.approveAll(batch)} approved`);
  }
  if (replies !== 'none') {
    try {
      await system.settle(batch, ['sent'], SETTLE_MS);
      details.push(`all ${batch.ticketIds.length} drafts sent`);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  problems.push(...(await duplicates(system, batch, details)));
  if (drafted < batch.ticketIds.length || indexed < batch.documentIds.length) {
    problems.push('work was lost');
  }
  const restarts = system.system.processes
    .filter((p) => p.process.restartCount > 0)
    .map((p) => `${p.service}-${p.replica}×${p.process.restartCount}`);
  details.push(`process restarts so far: ${restarts.length === 0 ? 'none' : restarts.join(' ')}`);
  details.push(...problems.map((problem) => `PROBLEM: ${problem}`));
  return {
    drill,
    passed: problems.length === 0,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    details,
  };
}

/** Replies WHMCS stored per ticket, checked twice a few seconds apart (late retries show up). */
async function duplicates(system: DrillSystem, batch: Batch, details: string[]): Promise<string[]> {
  await sleep(5_000);
  const counts = [...system.repliesPerTicket(batch).values()];
  const posted = counts.reduce((sum, n) => sum + n, 0);
  const duplicated = counts.filter((n) => n > 1).length;
  details.push(`${posted} replies in WHMCS, ${duplicated} tickets with more than one`);
  return duplicated > 0 ? [`${duplicated} tickets got a duplicate reply`] : [];
}

/** Waits until whmcs-sync has requested a draft for at least one ticket of the batch. */
async function untilDraftsRequested(system: DrillSystem, batch: Batch): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if ((await system.drafts(batch, ['pending'])).size > 0) {
      return;
    }
    await sleep(200);
  }
}

async function healthy(system: DrillSystem, timeoutMs: number): Promise<number> {
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${system.system.url}/api/health`).catch(() => undefined);
    if (response?.status === 200) {
      return Math.round((performance.now() - started) / 100) / 10;
    }
    await sleep(500);
  }
  throw new Error(`/api/health not 200 within ${timeoutMs / 1000} s`);
}

/**
 * A dependency stops for 10 s while tickets are drafted and documents ingested (the fault strikes
 * once whmcs-sync has requested the batch's first draft), then starts again on the same data.
 */
function dependencyRestart(
  name: string,
  what: string,
  server: (system: DrillSystem) => PrivateServer,
): Drill {
  return {
    name,
    description: `restart ${what} in the middle of drafting and ingestion`,
    async run(system) {
      const started = performance.now();
      const batch = await system.submit(name, TICKETS, DOCUMENTS);
      await untilDraftsRequested(system, batch);
      const progress = await system.progress(batch);
      await server(system).restart(10_000);
      const recovered = await healthy(system, 120_000);
      return finish(system, name, started, batch, [
        progress,
        `${what} down 10 s`,
        `all services ready ${recovered} s after it returned`,
      ]);
    },
  };
}

/** (a) RabbitMQ and (b) PostgreSQL (`pg_ctl stop -m fast`) restart under work. */
const rabbitmqRestart = dependencyRestart('rabbitmq', 'RabbitMQ', (system) => system.rabbitmq);
const postgresRestart = dependencyRestart('postgres', 'PostgreSQL', (system) => system.postgres);

/** (c) Each service in turn is killed with SIGKILL while it has work; the supervisor restarts it. */
const killEach: Drill = {
  name: 'kill',
  description: 'kill -9 each service during its work',
  async run(system) {
    const started = performance.now();
    const details: string[] = [];
    const batches: Batch[] = [];
    const order: ServiceName[] = ['ingest', 'llm', 'retrieval', 'whmcs-sync', 'gateway'];
    for (const service of order) {
      const batch = await system.submit(`kill-${service}`, TICKETS, DOCUMENTS);
      batches.push(batch);
      const target = system.system.find(service);
      const before = target.process.restartCount;
      if (service === 'llm' || service === 'whmcs-sync') {
        await untilDraftsRequested(system, batch);
      }
      const progress = await system.progress(batch);
      target.process.kill('SIGKILL');
      const deadline = Date.now() + 30_000;
      while (target.process.restartCount === before && Date.now() < deadline) {
        await sleep(100);
      }
      const recovered = await healthy(system, 120_000);
      details.push(`${service} killed (${progress}), all ready again after ${recovered} s`);
    }
    const merged: Batch = {
      ticketIds: batches.flatMap((b) => b.ticketIds),
      documentIds: batches.flatMap((b) => b.documentIds),
    };
    const result = await finish(system, 'kill', started, merged, details, 'none');
    const sendBatch = await system.submit('kill-while-sending', TICKETS, 0);
    await system.settle(sendBatch, ['ready'], SETTLE_MS);
    const approved = await system.approveAll(sendBatch);
    system.system.find('whmcs-sync').process.kill('SIGKILL');
    const sent = await finish(
      system,
      'kill',
      started,
      sendBatch,
      [`whmcs-sync killed right after ${approved} approvals`],
      'approved',
    );
    return {
      drill: 'kill',
      passed: result.passed && sent.passed,
      seconds: sent.seconds,
      details: [...result.details, ...sent.details],
    };
  },
};

/** (d) OpenRouter answers 500s and times out for 20 s: drafts wait with a reason, then recover. */
const openRouterOutage: Drill = {
  name: 'openrouter',
  description: 'OpenRouter outage (500 and timeouts), then recovery',
  async run(system) {
    const started = performance.now();
    const control = system.openRouter.control;
    control.addFault({ kind: 'server-error', status: 500, endpoint: 'chat', probability: 0.5 });
    control.addFault({ kind: 'hang', endpoint: 'chat', probability: 1 });
    const batch = await system.submit('openrouter', TICKETS, 0);
    await sleep(20_000);
    const waiting = [...(await system.drafts(batch, ['pending', 'failed'])).values()];
    const reasons = new Set(waiting.map((d) => d.statusReason).filter((r) => r !== null));
    control.clearFaults();
    const details = [
      'chat completions failing 20 s (half 500, half hanging)',
      `${waiting.length} drafts waiting during the outage, reasons: ${[...reasons].join('; ') || 'none'}`,
    ];
    const result = await finish(system, 'openrouter', started, batch, details);
    if (waiting.length > 0 && reasons.size === 0) {
      return {
        ...result,
        passed: false,
        details: [...result.details, 'PROBLEM: no reason shown'],
      };
    }
    return result;
  },
};

/** (e) WHMCS fails every call for 20 s, then half the replies are stored but answered with 500. */
const whmcsOutage: Drill = {
  name: 'whmcs',
  description: 'WHMCS outage, polling backs off and recovers, no reply duplicated',
  async run(system) {
    const started = performance.now();
    const control = system.whmcs.control;
    control.clearCalls();
    control.setFaults([{ fault: 'http-500' }]);
    const batch = await system.submit('whmcs', TICKETS, 0);
    await sleep(10_000);
    const firstHalf = control.calls().length;
    await sleep(10_000);
    const secondHalf = control.calls().length - firstHalf;
    control.clearFaults();
    const returned = performance.now();
    await system.settle(batch, ['ready'], SETTLE_MS);
    const recovered = Math.round((performance.now() - returned) / 100) / 10;
    control.setFaults([{ fault: 'written-then-500', rate: 0.5, actions: ['AddTicketReply'] }]);
    const approved = await system.approveAll(batch);
    await sleep(10_000);
    control.clearFaults();
    const status = await retrying(() => system.bus.request(TicketsRpc.SyncStatus, {}));
    return finish(
      system,
      'whmcs',
      started,
      batch,
      [
        `every WHMCS call failing 20 s: ${firstHalf} calls in the first 10 s, ${secondHalf} in the next 10 s (polling every 2 s, backing off)`,
        `batch drafted ${recovered} s after WHMCS answered again`,
        `${approved} approved while half the replies were stored but answered with HTTP 500`,
        `sync status after: ${JSON.stringify(status.draftsByStatus)}`,
      ],
      'approved',
    );
  },
};

export const DRILLS: readonly Drill[] = [
  rabbitmqRestart,
  postgresRestart,
  killEach,
  openRouterOutage,
  whmcsOutage,
];
