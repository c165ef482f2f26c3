import type { Observable } from 'rxjs';
import { map } from 'rxjs';

import type {
  EventDefinition,
  EventName,
  EventPayload,
  RpcDefinition,
  RpcName,
  RpcRequest,
  RpcResponse,
  StreamChunk,
  StreamDefinition,
  StreamName,
} from '@deskpilot/contracts';
import { catalog } from '@deskpilot/contracts';
import { currentCorrelationId, newCorrelationId } from '@deskpilot/observability';

import type { Broker } from '../core/broker';
import { busMetrics } from '../core/bus-metrics';
import { RemoteError } from '../core/errors';
import { newMeta } from '../core/wire';

export interface MessageBusOptions {
  readonly service: string;
  readonly defaultTimeoutMs: number;
}

export interface CallOptions {
  readonly timeoutMs?: number;
}

/**
 * The typed face of the bus for application code: names and payloads come from the contracts,
 * replies are validated before the caller sees them, and the current correlation id travels along.
 */
export class MessageBus {
  constructor(
    private readonly broker: Broker,
    private readonly options: MessageBusOptions,
  ) {}

  async publish<N extends EventName>(name: N, payload: EventPayload<N>): Promise<void> {
    const definition = catalog[name] as EventDefinition;
    const checked: unknown = definition.schema.parse(payload);
    await this.broker.publish(this.meta(name), checked);
  }

  async request<N extends RpcName>(
    name: N,
    payload: RpcRequest<N>,
    options: CallOptions = {},
  ): Promise<RpcResponse<N>> {
    const definition = catalog[name] as RpcDefinition;
    const timeoutMs = options.timeoutMs ?? this.options.defaultTimeoutMs;
    const labels = { service: this.options.service, name };
    const stopTimer = busMetrics.requestSeconds.startTimer(labels);
    try {
      const reply = await this.broker.request(this.meta(name), payload, { timeoutMs });
      const parsed = definition.response.safeParse(reply);
      if (!parsed.success) {
        throw new RemoteError(
          name,
          'INVALID_REPLY',
          `Reply to ${name} broke its contract: ${parsed.error.message}`,
        );
      }
      busMetrics.requests.inc({ ...labels, outcome: 'ok' });
      return parsed.data as RpcResponse<N>;
    } catch (error) {
      busMetrics.requests.inc({ ...labels, outcome: 'error' });
      throw error;
    } finally {
      stopTimer();
    }
  }

  stream<N extends StreamName>(
    name: N,
    payload: RpcRequest<N>,
    options: CallOptions = {},
  ): Observable<StreamChunk<N>> {
    const definition = catalog[name] as StreamDefinition;
    const timeoutMs = options.timeoutMs ?? this.options.defaultTimeoutMs;
    return this.broker
      .requestStream(this.meta(name), payload, { timeoutMs })
      .pipe(map((chunk) => definition.chunk.parse(chunk) as StreamChunk<N>));
  }

  private meta(name: string) {
    return newMeta(name, currentCorrelationId() ?? newCorrelationId(), this.options.service);
  }
}
