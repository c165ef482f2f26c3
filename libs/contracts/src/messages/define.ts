import type { z } from 'zod';

/** A fire-and-forget event published on the topic exchange. */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly schema: S;
}

/** A request answered by exactly one service with one response. */
export interface RpcDefinition<
  Req extends z.ZodType = z.ZodType,
  Res extends z.ZodType = z.ZodType,
> {
  readonly kind: 'rpc';
  readonly request: Req;
  readonly response: Res;
}

/** A request answered with a sequence of chunks (for example a streamed answer). */
export interface StreamDefinition<
  Req extends z.ZodType = z.ZodType,
  Chunk extends z.ZodType = z.ZodType,
> {
  readonly kind: 'stream';
  readonly request: Req;
  readonly chunk: Chunk;
}

export type MessageDefinition = EventDefinition | RpcDefinition | StreamDefinition;

export function event<S extends z.ZodType>(schema: S): EventDefinition<S> {
  return { kind: 'event', schema };
}

export function rpc<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): RpcDefinition<Req, Res> {
  return { kind: 'rpc', request, response };
}

export function stream<Req extends z.ZodType, Chunk extends z.ZodType>(
  request: Req,
  chunk: Chunk,
): StreamDefinition<Req, Chunk> {
  return { kind: 'stream', request, chunk };
}
