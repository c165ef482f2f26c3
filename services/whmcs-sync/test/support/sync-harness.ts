import type { DraftStatus, DraftView, SyncRunResult } from '@deskpilot/contracts';
import { catalog } from '@deskpilot/contracts';
import { AmqpBroker, MessageBus } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import type { RunningService } from '@deskpilot/runtime';
import type { Disposable } from '@deskpilot/testing';
import { createTestDatabase, createTestVhost, waitFor } from '@deskpilot/testing';
import type { RunningWhmcsSimulator, WhmcsSimulatorOptions } from '@deskpilot/whmcs-simulator';
import { SIMULATOR_CREDENTIALS, startWhmcsSimulator } from '@deskpilot/whmcs-simulator';

import { startWhmcsSync } from '../../src/index';
import { DraftChangeRecorder } from './draft-change-recorder';
import type { DrafterOptions } from './immediate-drafter';
import { DRAFTING_TOPOLOGY, ImmediateDrafter } from './immediate-drafter';

export const ACTOR = { id: 'user-1', name: 'Alex Reviewer' };

export interface HarnessOptions {
  readonly simulator?: WhmcsSimulatorOptions;
  /** Extra whmcs-sync variables. */
  readonly env?: Readonly<Record<string, string>>;
  readonly drafter?: DrafterOptions;
  /** Start whmcs-sync in this process (default); false when a test runs it as a child process. */
  readonly startSync?: boolean;
}

/** The whmcs-sync variables for a simulator, a database and a vhost. */
export function syncEnvironment(
  simulator: RunningWhmcsSimulator,
  databaseUrl: string,
  amqpUrl: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    AMQP_URL: amqpUrl,
    WHMCS_URL: simulator.url,
    WHMCS_IDENTIFIER: SIMULATOR_CREDENTIALS.identifier,
    WHMCS_SECRET: SIMULATOR_CREDENTIALS.secret,
    WHMCS_TIMEZONE: simulator.timeZone,
    WHMCS_POLL_SECONDS: '1',
    WHMCS_TIMEOUT_SECONDS: '2',
    LOG_LEVEL: process.env['WHMCS_SYNC_TEST_LOG'] ?? 'silent',
    PORT: '0',
    ...extra,
  };
}

/**
 * A simulated WHMCS, a throw-away database and vhost on the machine's PostgreSQL and RabbitMQ,
 * a drafter playing the llm service, and whmcs-sync itself.
 */
export class SyncHarness {
  sync: RunningService | undefined;

  private constructor(
    readonly simulator: RunningWhmcsSimulator,
    readonly broker: AmqpBroker,
    readonly bus: MessageBus,
    readonly drafter: ImmediateDrafter,
    readonly changes: DraftChangeRecorder,
    readonly env: Record<string, string>,
    private readonly database: Disposable<string>,
    private readonly vhost: Disposable<string>,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<SyncHarness> {
    const database = await createTestDatabase();
    const vhost = await createTestVhost();
    const simulator = await startWhmcsSimulator({ seed: 1, ...options.simulator });
    const broker = new AmqpBroker({
      catalog,
      topology: DRAFTING_TOPOLOGY,
      retry: { maxAttempts: 5, delaysMs: [100, 250, 500] },
      url: vhost.value,
      connectionName: 'whmcs-sync-test',
      logger: createLogger({ service: 'test', instanceId: 'test', level: 'silent' }),
    });
    await broker.connect();
    const drafter = new ImmediateDrafter(broker, options.drafter);
    await drafter.start();
    const changes = new DraftChangeRecorder(broker);
    await changes.start();
    const env = syncEnvironment(simulator, database.value, vhost.value, options.env);
    const harness = new SyncHarness(
      simulator,
      broker,
      new MessageBus(broker, { service: 'gateway', defaultTimeoutMs: 30_000 }),
      drafter,
      changes,
      env,
      database,
      vhost,
    );
    if (options.startSync !== false) {
      await harness.startSync();
    }
    return harness;
  }

  async startSync(extra: Readonly<Record<string, string>> = {}): Promise<void> {
    this.sync = await startWhmcsSync({ env: { ...this.env, ...extra }, broker: this.broker });
  }

  async stopSync(): Promise<void> {
    await this.sync?.stop();
    this.sync = undefined;
  }

  runSync(full = false): Promise<SyncRunResult> {
    return this.bus.request('tickets.sync.run', { full });
  }

  /**
   * Every draft, page by page. Pages follow the latest change, so a draft changed while paging
   * can show up twice or not at all: each counts once, and callers that wait for a full set
   * simply read again.
   */
  async drafts(status?: DraftStatus[], ticketId?: string): Promise<DraftView[]> {
    const items = new Map<string, DraftView>();
    for (let offset = 0; ; offset += 200) {
      const page = await this.bus.request('tickets.drafts.list', {
        ...(status === undefined ? {} : { status }),
        ...(ticketId === undefined ? {} : { ticketId }),
        limit: 200,
        offset,
      });
      for (const draft of page.items) {
        items.set(draft.id, draft);
      }
      if (offset + page.items.length >= page.total || page.items.length === 0) {
        return [...items.values()];
      }
    }
  }

  /** Waits until the ticket has a draft in the status and returns it. */
  async draftOf(ticketId: string, status: DraftStatus, timeoutMs = 30_000): Promise<DraftView> {
    return waitFor(async () => (await this.drafts([status], ticketId))[0], {
      timeoutMs,
      message: `No ${status} draft for ticket ${ticketId}`,
    });
  }

  async close(): Promise<void> {
    await this.stopSync().catch(() => undefined);
    await this.drafter.stop().catch(() => undefined);
    await this.changes.stop().catch(() => undefined);
    await this.broker.close().catch(() => undefined);
    await this.simulator.close();
    await this.vhost.dispose();
    await this.database.dispose();
  }
}
