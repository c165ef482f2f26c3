import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import 'reflect-metadata';

import { catalog } from '@deskpilot/contracts';
import { InProcessBroker, MessageBus } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import { startEmbeddedPostgres } from '@deskpilot/persistence';
import { SIMULATOR_CREDENTIALS, startWhmcsSimulator } from '@deskpilot/whmcs-simulator';
// eslint-disable-next-line @nx/enforce-module-boundaries -- built apart, it loads the service's dist
import { startWhmcsSync } from '@deskpilot/whmcs-sync';

import { DRAFTING_TOPOLOGY, ImmediateDrafter } from '../test/support/immediate-drafter';

const BACKLOG = Number(process.env['BENCH_BACKLOG'] ?? 500);
const LATENCY_SAMPLES = 20;
const COMMAND = `node ${relative(process.cwd(), __filename)}`;

/**
 * whmcs-sync measured against the WHMCS simulator with a drafter that answers at once, in the
 * embedded set-up (`npm start`): PGlite and the in-process bus, or PostgreSQL when DATABASE_URL
 * is set. Polls are triggered explicitly, so the poll interval is not part of the figures.
 */
async function main(): Promise<void> {
  const logger = createLogger({ service: 'bench', instanceId: 'bench', level: 'silent' });
  const dataDir = await mkdtemp(join(tmpdir(), 'whmcs-sync-bench-'));
  const postgres =
    process.env['DATABASE_URL'] === undefined
      ? await startEmbeddedPostgres(dataDir, logger)
      : undefined;
  const simulator = await startWhmcsSimulator({ seed: 42, backlog: BACKLOG });
  const broker = new InProcessBroker({
    catalog,
    topology: DRAFTING_TOPOLOGY,
    retry: { maxAttempts: 5, delaysMs: [100, 500] },
  });
  await broker.connect();
  const drafter = new ImmediateDrafter(broker);
  await drafter.start();
  const bus = new MessageBus(broker, { service: 'gateway', defaultTimeoutMs: 120_000 });
  const awaiting = simulator.control.awaitingTicketIds().length;
  const readyDrafts = async (): Promise<number> =>
    (await bus.request('tickets.drafts.list', { status: ['ready'], limit: 1, offset: 0 })).total;

  const started = performance.now();
  const sync = await startWhmcsSync({
    broker,
    env: {
      DATA_DIR: dataDir,
      DATABASE_URL: process.env['DATABASE_URL'] ?? postgres?.url,
      WHMCS_URL: simulator.url,
      WHMCS_IDENTIFIER: SIMULATOR_CREDENTIALS.identifier,
      WHMCS_SECRET: SIMULATOR_CREDENTIALS.secret,
      WHMCS_TIMEZONE: simulator.timeZone,
      WHMCS_POLL_SECONDS: '3600',
      LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'silent',
    },
  });
  try {
    const deadline = Date.now() + 10 * 60_000;
    let lastReport = Date.now();
    while ((await readyDrafts()) < awaiting) {
      if (Date.now() > deadline) {
        throw new Error('The backlog was not drafted within 10 minutes');
      }
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        const status = await bus.request('tickets.sync.status', {});
        process.stderr.write(`  drafts so far: ${JSON.stringify(status.draftsByStatus)}\n`);
      }
      await sleep(500);
    }
    const backlogSeconds = (performance.now() - started) / 1000;
    report(
      `drafts per minute, ${awaiting}-ticket backlog, immediate drafter (whmcs-sync side)`,
      `${Math.round((awaiting / backlogSeconds) * 60)}/min (${awaiting} drafts in ${backlogSeconds.toFixed(1)} s, start-up included)`,
    );

    const latencies: number[] = [];
    const tickets = simulator.control.awaitingTicketIds();
    for (let sample = 0; sample < LATENCY_SAMPLES; sample += 1) {
      const ticketId = tickets[(sample * 7) % tickets.length] ?? '';
      const { replyId } = simulator.control.injectCustomerReply(ticketId, {
        message: `Any news? (follow-up ${sample + 1})`,
      });
      const replied = performance.now();
      await bus.request('tickets.sync.run', { full: false });
      for (;;) {
        const drafts = await bus.request('tickets.drafts.list', {
          status: ['ready'],
          ticketId,
          limit: 10,
          offset: 0,
        });
        if (drafts.items.some((draft) => draft.basedOnReplyId === replyId)) {
          break;
        }
        await sleep(2);
      }
      latencies.push(performance.now() - replied);
    }
    latencies.sort((a, b) => a - b);
    const at = (share: number): number =>
      Math.round(
        latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0,
      );
    report(
      'new customer reply in WHMCS -> draft ready (poll interval excluded)',
      `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${LATENCY_SAMPLES} replies)`,
    );
  } finally {
    await sync.stop();
    await drafter.stop();
    await broker.close();
    await simulator.close();
    await postgres?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function report(figure: string, value: string): void {
  process.stdout.write(`whmcs-sync | ${figure}: ${value} | ${COMMAND}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `whmcs-sync bench failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
