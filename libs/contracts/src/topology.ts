import { AnalyticsRpc } from './messages/analytics.messages';
import { AnsweringEvent, AnsweringRpc } from './messages/answering.messages';
import type { EventName, RequestName } from './messages/catalog';
import { DraftingEvent } from './messages/drafting.messages';
import { InteractionsEvent, InteractionsRpc } from './messages/interactions.messages';
import { KnowledgeEvent, KnowledgeRpc } from './messages/knowledge.messages';
import { SearchRpc } from './messages/search.messages';
import { SystemRpc } from './messages/system.messages';
import { TicketsEvent, TicketsRpc } from './messages/tickets.messages';
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

const INDEX_EVENTS = [
  KnowledgeEvent.ChunksEmbedded,
  KnowledgeEvent.DocumentEmbedded,
  KnowledgeEvent.DocumentRemoved,
] as const;

export const topology: Record<ServiceName, ServiceSubscriptions> = {
  // Every gateway replica relays document progress and draft changes to its connected browsers.
  // Draft changes also go to the shared work queue, which is durable: a confirmed send reaches
  // the audit log even when it happens while no gateway runs.
  [ServiceName.Gateway]: {
    events: [TicketsEvent.DraftChanged],
    broadcast: [KnowledgeEvent.Progress, TicketsEvent.DraftChanged],
    rpcs: [],
  },
  [ServiceName.Ingest]: {
    events: [KnowledgeEvent.Queued, KnowledgeEvent.DocumentIndexed],
    broadcast: [],
    rpcs: [
      SystemRpc.IngestHealth,
      KnowledgeRpc.Register,
      KnowledgeRpc.Replace,
      KnowledgeRpc.Delete,
      KnowledgeRpc.Reindex,
      KnowledgeRpc.SetLanguage,
      KnowledgeRpc.ReindexAll,
      KnowledgeRpc.List,
      KnowledgeRpc.Get,
      KnowledgeRpc.ClaimWebRefreshes,
      KnowledgeRpc.RequestWebRefreshes,
      KnowledgeRpc.RecordWebCheck,
      KnowledgeRpc.FindBySource,
    ],
  },
  // Index events reach every replica (each holds an HNSW index) and also the shared work queue,
  // which is durable: the chunk table is written even while no replica is running.
  [ServiceName.Retrieval]: {
    events: [...INDEX_EVENTS],
    broadcast: [...INDEX_EVENTS],
    rpcs: [SystemRpc.RetrievalHealth, SearchRpc.Search, KnowledgeRpc.DocumentChunks],
  },
  [ServiceName.Llm]: {
    events: [DraftingEvent.DraftRequested, InteractionsEvent.FeedbackRecorded],
    broadcast: [AnsweringEvent.SettingsPublished, AnsweringEvent.AnswerCancelled],
    rpcs: [
      SystemRpc.LlmHealth,
      AnsweringRpc.Answer,
      AnsweringRpc.CurrentSettings,
      InteractionsRpc.List,
      InteractionsRpc.Get,
      AnalyticsRpc.InteractionStats,
      AnalyticsRpc.KnowledgeGaps,
      AnalyticsRpc.CloseGap,
      AnalyticsRpc.ReopenGap,
      AnalyticsRpc.ForgetDismissedTopic,
    ],
  },
  [ServiceName.WhmcsSync]: {
    events: [DraftingEvent.DraftGenerated, DraftingEvent.DraftFailed],
    broadcast: [],
    rpcs: [SystemRpc.WhmcsSyncHealth, ...Object.values(TicketsRpc), AnalyticsRpc.DraftStats],
  },
};

/** The health RPC of each worker, used by the gateway's readiness check. */
export const healthRpcOf = {
  [ServiceName.Ingest]: SystemRpc.IngestHealth,
  [ServiceName.Retrieval]: SystemRpc.RetrievalHealth,
  [ServiceName.Llm]: SystemRpc.LlmHealth,
  [ServiceName.WhmcsSync]: SystemRpc.WhmcsSyncHealth,
} as const;
