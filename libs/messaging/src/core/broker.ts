import type { Observable } from 'rxjs';

import type { MessageDefinition } from '@deskpilot/contracts';

import type { RetryPolicy } from './retry-policy';
import type { Delivery, MessageMeta } from './wire';

export type MessageCatalog = Readonly<Record<string, MessageDefinition>>;

/** Per service: work-queue events, per-replica broadcast events, and requests it answers. */
export interface ServiceRoutes {
  readonly events: readonly string[];
  readonly broadcast: readonly string[];
  readonly rpcs: readonly string[];
}

export type BusTopology = Readonly<Record<string, ServiceRoutes>>;

export interface BrokerOptions {
  readonly catalog: MessageCatalog;
  readonly topology: BusTopology;
  readonly retry: RetryPolicy;
}

/** A validated event handed to a consumer, with the queue it came through. */
export interface InboundEvent {
  readonly meta: MessageMeta & { readonly delivery: Delivery };
  readonly payload: unknown;
}

/** A validated request handed to the service that answers it. */
export interface InboundRequest {
  readonly meta: MessageMeta;
  readonly payload: unknown;
}

export interface ConsumerHandlers {
  /** Resolves to acknowledge; rejects to retry (or dead-letter once attempts run out). */
  onEvent(event: InboundEvent): Promise<void>;
  /** One value for a plain request; several for a streamed one. Errors go back to the caller. */
  onRequest(request: InboundRequest): Observable<unknown>;
}

export interface ConsumerSpec {
  readonly service: string;
  readonly instanceId: string;
  readonly prefetch: number;
}

export interface Consumer {
  /** Stops taking new messages and waits for the ones in flight. */
  stop(): Promise<void>;
}

export interface RequestOptions {
  readonly timeoutMs: number;
}

export interface DeadLetter {
  readonly id: string;
  readonly name: string;
  readonly queue: string;
  readonly reason: string;
  readonly error: string;
  readonly attempts: number;
  readonly deadAt: string;
  readonly correlationId: string;
  readonly body: string;
}

export interface QueueStats {
  readonly queue: string;
  readonly messages: number;
  readonly consumers: number;
}

export type BrokerState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/**
 * A message broker as the services see it. Two implementations share these semantics:
 * RabbitMQ for the distributed mode and an in-process broker for the embedded mode.
 * Delivery is at least once; handlers must be idempotent.
 */
export interface Broker {
  readonly transport: 'amqp' | 'in-process';
  readonly state: BrokerState;
  /** Starts connecting; resolves once the broker is usable. */
  connect(): Promise<void>;
  publish(meta: MessageMeta, payload: unknown): Promise<void>;
  request(meta: MessageMeta, payload: unknown, options: RequestOptions): Promise<unknown>;
  requestStream(meta: MessageMeta, payload: unknown, options: RequestOptions): Observable<unknown>;
  consume(spec: ConsumerSpec, handlers: ConsumerHandlers): Promise<Consumer>;
  deadLetters(service: string): Promise<DeadLetter[]>;
  /** Sends dead letters back to the queue they came from; all of them when no ids are given. */
  replayDeadLetters(service: string, ids?: readonly string[]): Promise<number>;
  queueStats(): Promise<QueueStats[]>;
  close(): Promise<void>;
}
