import type { z } from 'zod';

import { analyticsMessages } from './analytics.messages';
import { answeringMessages } from './answering.messages';
import type { EventDefinition, RpcDefinition, StreamDefinition } from './define';
import { draftingMessages } from './drafting.messages';
import { interactionsMessages } from './interactions.messages';
import { knowledgeMessages } from './knowledge.messages';
import { searchMessages } from './search.messages';
import { systemMessages } from './system.messages';
import { ticketsMessages } from './tickets.messages';

/** Every message on the bus, by name. The single source of truth for producers and consumers. */
export const catalog = {
  ...systemMessages,
  ...searchMessages,
  ...draftingMessages,
  ...answeringMessages,
  ...interactionsMessages,
  ...knowledgeMessages,
  ...ticketsMessages,
  ...analyticsMessages,
};

export type Catalog = typeof catalog;
export type MessageName = keyof Catalog;

type NamesOfKind<K> = {
  [N in MessageName]: Catalog[N] extends K ? N : never;
}[MessageName];

export type EventName = NamesOfKind<EventDefinition>;
export type RpcName = NamesOfKind<RpcDefinition>;
export type StreamName = NamesOfKind<StreamDefinition>;
/** Anything a service answers: plain or streamed requests. */
export type RequestName = NamesOfKind<RpcDefinition | StreamDefinition>;

export type EventPayload<N extends EventName> =
  Catalog[N] extends EventDefinition<infer S> ? z.infer<S> : never;
export type RpcRequest<N extends RequestName> = Catalog[N] extends
  RpcDefinition<infer Req> | StreamDefinition<infer Req>
  ? z.infer<Req>
  : never;
export type RpcResponse<N extends RpcName> =
  Catalog[N] extends RpcDefinition<z.ZodType, infer Res> ? z.infer<Res> : never;
export type StreamChunk<N extends StreamName> =
  Catalog[N] extends StreamDefinition<z.ZodType, infer C> ? z.infer<C> : never;
