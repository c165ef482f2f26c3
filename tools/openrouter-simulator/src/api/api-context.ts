import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ErrorReply } from '../faults/error-replies';
import type { FaultSpec } from '../faults/fault-spec';
import { sendError, sendJson } from '../http/http-io';
import type { RecordedResponse } from '../recording/request-recorder';
import type { SimulatorState } from '../server/simulator-state';

/** One authenticated API request on its way through a handler. */
export interface ApiContext {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly state: SimulatorState;
  readonly apiKey: string;
  readonly body: unknown;
  readonly query: URLSearchParams;
  /** The request's sequence number in the recorder. */
  readonly seq: number;
  /** `performance.now()` when the request arrived, before its body was read. */
  readonly arrivedAt: number;
  /** Aborted when the client goes away before the response is complete. */
  readonly signal: AbortSignal;
  /** A fault the request asked for itself with the `X-Simulator-Fault` header. */
  readonly requestFault?: FaultSpec;
}

/** A header's value; repeated headers are joined as Node joins them. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

export function replyJson(
  context: ApiContext,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
  recorded: Omit<RecordedResponse, 'status'> = {},
): void {
  context.state.recorder.respond(context.seq, { status, ...recorded });
  sendJson(context.response, status, body, headers);
}

export function replyError(context: ApiContext, reply: ErrorReply): void {
  context.state.recorder.respond(context.seq, { status: reply.status });
  sendError(context.response, reply);
}

/** Turns the first zod issues into one readable message. */
export function describeIssues(
  issues: readonly { path: PropertyKey[]; message: string }[],
): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path.length > 0 ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
