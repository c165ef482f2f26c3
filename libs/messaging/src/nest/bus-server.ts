import type { CustomTransportStrategy, MessageHandler } from '@nestjs/microservices';
import { Server } from '@nestjs/microservices';
import { Observable, from, lastValueFrom, mergeMap } from 'rxjs';

import type { Logger } from '@deskpilot/observability';
import { runWithCorrelation } from '@deskpilot/observability';

import type { Broker, Consumer, InboundEvent, InboundRequest, ServiceRoutes } from '../core/broker';
import { HandlerWiringError } from '../core/errors';
import { BusContext } from './bus-context';

export interface BusServerOptions {
  readonly broker: Broker;
  readonly service: string;
  readonly instanceId: string;
  readonly routes: ServiceRoutes;
  readonly prefetch: number;
  readonly logger: Logger;
}

/**
 * Nest transport that feeds a service's handlers from the bus. It refuses to start when the
 * handlers and the service's declared routes differ, so a message can never sit unhandled.
 */
export class BusServer extends Server implements CustomTransportStrategy {
  private consumer: Consumer | undefined;

  constructor(private readonly options: BusServerOptions) {
    super();
  }

  listen(callback: (...optionalParams: unknown[]) => unknown): void {
    this.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = undefined;
  }

  on(): never {
    throw new Error('BusServer does not emit transport events');
  }

  unwrap(): never {
    throw new Error('BusServer has no native client; inject BROKER instead');
  }

  private async start(): Promise<void> {
    this.assertWiring();
    this.consumer = await this.options.broker.consume(
      {
        service: this.options.service,
        instanceId: this.options.instanceId,
        prefetch: this.options.prefetch,
      },
      {
        onEvent: (event) => this.handleBusEvent(event),
        onRequest: (request) => this.handleBusRequest(request),
      },
    );
    this.options.logger.info(
      { transport: this.options.broker.transport, ...this.options.routes },
      'Consuming from the bus',
    );
  }

  private assertWiring(): void {
    const { events, broadcast, rpcs } = this.options.routes;
    const problems: string[] = [];
    for (const name of [...events, ...broadcast]) {
      const handler = this.messageHandlers.get(name);
      if (handler === undefined) {
        problems.push(`no handler for event ${name}`);
      } else if (!handler.isEventHandler) {
        problems.push(`${name} is an event but its handler answers requests`);
      }
    }
    for (const name of rpcs) {
      const handler = this.messageHandlers.get(name);
      if (handler === undefined) {
        problems.push(`no handler for request ${name}`);
      } else if (handler.isEventHandler) {
        problems.push(`${name} is a request but its handler is an event handler`);
      }
    }
    const declared = new Set<string>([...events, ...broadcast, ...rpcs]);
    for (const pattern of this.messageHandlers.keys()) {
      if (!declared.has(pattern)) {
        problems.push(`handler for ${pattern}, which the topology does not route to this service`);
      }
    }
    if (problems.length > 0) {
      throw new HandlerWiringError(this.options.service, problems);
    }
  }

  private handleBusEvent(event: InboundEvent): Promise<void> {
    const handler = this.handlerFor(event.meta.name);
    return runWithCorrelation(event.meta.correlationId, async () => {
      const result: unknown = await handler(event.payload, new BusContext([event.meta]));
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    });
  }

  private handleBusRequest(request: InboundRequest): Observable<unknown> {
    const handler = this.handlerFor(request.meta.name);
    // Subscribe inside the correlation scope so async work started by the handler inherits it.
    return new Observable<unknown>((subscriber) =>
      runWithCorrelation(request.meta.correlationId, () =>
        from(handler(request.payload, new BusContext([request.meta])))
          .pipe(mergeMap((result: unknown) => this.transformToObservable(result)))
          .subscribe(subscriber),
      ),
    );
  }

  private handlerFor(name: string): MessageHandler {
    const handler = this.messageHandlers.get(name);
    if (handler === undefined) {
      throw new HandlerWiringError(this.options.service, [`no handler for ${name}`]);
    }
    return handler;
  }
}
