import { setTimeout as sleep } from 'node:timers/promises';

import type { DraftView } from '@deskpilot/contracts';
import { TicketsRpc } from '@deskpilot/contracts';

import type { DrillSystem } from '../drills/drill-system';
import { retrying } from '../drills/drill-system';

const READY_TIMEOUT_MS = 60_000;
const CHECK_EVERY_MS = 20;
const SYNC_TIMEOUT_MS = 60_000;

/** One customer reply, from stored in WHMCS to its draft ready (all in ms). */
export interface ReplyLatency {
  readonly total: number;
  /** Reply stored → draft requested: the triggered poll reading the ticket. */
  readonly toRequest: number;
  /** Draft requested → draft ready: retrieval, prompt, model, checks, storing. */
  readonly drafting: number;
}

/**
 * With every waiting ticket drafted and nothing else going on, a customer writes again in one of
 * them (through the simulator's control API) and a poll is triggered at once (`tickets.sync.run`),
 * so the poll interval is not part of the figure. The draft's own timestamps give when it was
 * requested and when it became ready; the 20 ms check interval only decides when the next sample
 * starts.
 */
export async function replyLatencies(
  drill: DrillSystem,
  samples: number,
  warmup: number,
): Promise<ReplyLatency[]> {
  const ticketIds = await caughtUp(drill);
  const latencies: ReplyLatency[] = [];
  for (let i = 0; i < warmup + samples; i += 1) {
    const ticketId = ticketIds[i % ticketIds.length] ?? '';
    const { replyId } = drill.whmcs.control.injectCustomerReply(ticketId, {
      message: `Still broken after the restart (follow-up ${i}). Which PHP version should I pick?`,
      via: 'web',
    });
    const storedAt = Date.now();
    await retrying(() =>
      drill.bus.request(TicketsRpc.RunSync, { full: false }, { timeoutMs: SYNC_TIMEOUT_MS }),
    );
    const draft = await readyDraftFor(drill, ticketId, replyId);
    if (i >= warmup) {
      const requestedAt = Date.parse(draft.createdAt);
      const readyAt = Date.parse(draft.updatedAt);
      latencies.push({
        total: readyAt - storedAt,
        toRequest: requestedAt - storedAt,
        drafting: readyAt - requestedAt,
      });
    }
  }
  return latencies;
}

/** Waits until the first poll's drafts are all ready; returns the tickets they answer. */
async function caughtUp(drill: DrillSystem): Promise<string[]> {
  const deadline = Date.now() + READY_TIMEOUT_MS * 5;
  while (Date.now() < deadline) {
    const status = await retrying(() => drill.bus.request(TicketsRpc.SyncStatus, {}));
    const ready = status.draftsByStatus['ready'] ?? 0;
    if (
      status.lastSuccessAt !== null &&
      (status.draftsByStatus['pending'] ?? 0) === 0 &&
      ready > 0
    ) {
      const list = await drill.bus.request(TicketsRpc.ListDrafts, {
        status: ['ready'],
        limit: 200,
        offset: 0,
      });
      return list.items.map((draft) => draft.ticketId);
    }
    await sleep(250);
  }
  throw new Error('The waiting tickets were not drafted in time');
}

async function readyDraftFor(
  drill: DrillSystem,
  ticketId: string,
  replyId: string,
): Promise<DraftView> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const list = await drill.bus.request(TicketsRpc.ListDrafts, {
      ticketId,
      status: ['ready'],
      limit: 10,
      offset: 0,
    });
    const draft = list.items.find((candidate) => candidate.basedOnReplyId === replyId);
    if (draft !== undefined) {
      return draft;
    }
    await sleep(CHECK_EVERY_MS);
  }
  throw new Error(`No ready draft for reply ${replyId} of ticket ${ticketId} in time`);
}
