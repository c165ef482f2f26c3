import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ApiContext } from '../api/api-context';
import { badRequest, noAuthCredentials, userNotFound } from '../faults/error-replies';
import type { ErrorReply } from '../faults/error-replies';
import { faultSpecSchema } from '../faults/fault-schema';
import type { FaultSpec } from '../faults/fault-spec';
import { BodyTooLargeError, parseJson, readBody, sendError } from '../http/http-io';
import type { SimulatorState } from './simulator-state';

/** Header a test may send to fault just this request, e.g. `{"kind":"rate-limit"}`. */
export const REQUEST_FAULT_HEADER = 'x-simulator-fault';

export type Prepared = { readonly ok: true; readonly context: ApiContext } | { readonly ok: false };

/**
 * Reads and records an API request, then checks its key and its fault header. Answers the
 * request itself (and returns `ok: false`) when it cannot go on.
 */
export async function prepareApiRequest(
  state: SimulatorState,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  requireKey: boolean,
): Promise<Prepared> {
  const arrivedAt = performance.now();
  let raw: string;
  try {
    raw = await readBody(request);
  } catch (error) {
    const message = error instanceof BodyTooLargeError ? error.message : 'Could not read the body';
    sendError(response, badRequest(message, state.userId));
    return { ok: false };
  }
  const json = parseJson(raw);
  const seq = state.recorder.record({
    method: request.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: request.headers,
    body: json.ok ? json.value : undefined,
    ...(json.ok || raw.length === 0 ? {} : { rawBody: raw }),
  });
  const refuse = (reply: ErrorReply): Prepared => {
    state.recorder.respond(seq, { status: reply.status });
    sendError(response, reply);
    return { ok: false };
  };
  if (!json.ok) {
    return refuse(badRequest('Request body is not valid JSON', state.userId));
  }
  const apiKey = bearerKey(request.headers.authorization);
  if (requireKey && apiKey === undefined) {
    return refuse(noAuthCredentials());
  }
  if (requireKey && apiKey !== undefined && !state.apiKeys.includes(apiKey)) {
    return refuse(userNotFound());
  }
  const faultHeader = request.headers[REQUEST_FAULT_HEADER];
  let requestFault: FaultSpec | undefined;
  if (typeof faultHeader === 'string' && faultHeader.length > 0) {
    const parsedFault = parseJson(faultHeader);
    const checked = parsedFault.ok ? faultSpecSchema.safeParse(parsedFault.value) : undefined;
    if (!checked?.success) {
      return refuse(badRequest(`Invalid ${REQUEST_FAULT_HEADER} header`, state.userId));
    }
    requestFault = checked.data;
  }
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) {
      controller.abort();
    }
  });
  return {
    ok: true,
    context: {
      request,
      response,
      state,
      apiKey: apiKey ?? '',
      body: json.value,
      query: url.searchParams,
      seq,
      arrivedAt,
      signal: controller.signal,
      ...(requestFault === undefined ? {} : { requestFault }),
    },
  };
}

function bearerKey(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
