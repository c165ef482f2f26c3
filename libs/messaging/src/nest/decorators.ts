import { UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import type { Observable } from 'rxjs';

import type {
  EventName,
  EventPayload,
  RpcName,
  RpcRequest,
  RpcResponse,
  StreamChunk,
  StreamName,
} from '@deskpilot/contracts';

import type { BusContext } from './bus-context';
import { PassThroughRpcFilter } from './pass-through-rpc.filter';

type Awaitable<T> = T | Promise<T>;

/*
 * Each decorator also installs PassThroughRpcFilter on the handler, so the bus sees the original
 * error whatever the application's global filters are, and marks the handler's parameters as the
 * payload and the BusContext: without parameter metadata Nest passes the payload alone.
 */

function bindParameters(target: object, key: string | symbol): void {
  Payload()(target, key, 0);
  Ctx()(target, key, 1);
}

/**
 * Marks the handler of an event. The method's signature is checked against the event's payload
 * type from the contracts, and the payload is validated before the method runs.
 */
export function OnEvent<N extends EventName>(name: N) {
  return (
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<
      (payload: EventPayload<N>, context: BusContext) => Awaitable<void>
    >,
  ): void => {
    EventPattern(name)(target, key, descriptor);
    UseFilters(PassThroughRpcFilter)(target, key, descriptor);
    bindParameters(target, key);
  };
}

/** Marks the handler that answers a request; its return type is checked against the contract. */
export function OnRequest<N extends RpcName>(name: N) {
  return <F extends (payload: RpcRequest<N>, context: BusContext) => Awaitable<RpcResponse<N>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<F>,
  ): void => {
    MessagePattern(name)(target, key, descriptor);
    UseFilters(PassThroughRpcFilter)(target, key, descriptor);
    bindParameters(target, key);
  };
}

/** Marks the handler of a streamed request: it returns an Observable of contract chunks. */
export function OnStream<N extends StreamName>(name: N) {
  return <F extends (payload: RpcRequest<N>, context: BusContext) => Observable<StreamChunk<N>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<F>,
  ): void => {
    MessagePattern(name)(target, key, descriptor);
    UseFilters(PassThroughRpcFilter)(target, key, descriptor);
    bindParameters(target, key);
  };
}
