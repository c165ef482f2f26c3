import type { EventName, RequestName } from './messages/catalog';
import { DraftingEvent } from './messages/drafting.messages';
import { SystemRpc } from './messages/system.messages';
import { TicketsRpc } from './messages/tickets.messages';
import { ServiceName } from './services';

/**
 * What each service consumes. `events` go to the service's shared work queue (one replica handles
 * each message); `broadcast` events reach every replica (each holds state, such as an index or
 * connected browsers); `rpcs` are requests the service answers.
 */
export interface ServiceSubscriptions {
  readonly events: readonly EventName[];
  readonly broadcast: readonly EventName[];
  readonly rpcs: readonly RequestName[];
}

export const topology: Record<ServiceName, ServiceSubscriptions> = {
  [ServiceName.Gateway]: { events: [], broadcast: [], rpcs: [] },
  [ServiceName.Ingest]: { events: [], broadcast: [], rpcs: [SystemRpc.IngestHealth] },
  [ServiceName.Retrieval]: { events: [], broadcast: [], rpcs: [SystemRpc.RetrievalHealth] },
  [ServiceName.Llm]: { events: [], broadcast: [], rpcs: [SystemRpc.LlmHealth] },
  [ServiceName.WhmcsSync]: {
    events: [DraftingEvent.DraftGenerated, DraftingEvent.DraftFailed],
    broadcast: [],
    rpcs: [SystemRpc.WhmcsSyncHealth, ...Object.values(TicketsRpc)],
  },
};

/** The health RPC of each worker, used by the gateway's readiness check. */
export const healthRpcOf = {
  [ServiceName.Ingest]: SystemRpc.IngestHealth,
  [ServiceName.Retrieval]: SystemRpc.RetrievalHealth,
  [ServiceName.Llm]: SystemRpc.LlmHealth,
  [ServiceName.WhmcsSync]: SystemRpc.WhmcsSyncHealth,
} as const;
