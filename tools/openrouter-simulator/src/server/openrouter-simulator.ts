import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { CONTROL_PREFIX, routeControl } from '../control/control-router';
import { SimulatorControl } from '../control/simulator-control';
import { errorReply } from '../faults/error-replies';
import { sendError } from '../http/http-io';
import { API_PREFIX, routeApi } from './api-router';
import type { OpenRouterSimulatorOptions } from './simulator-options';
import { SimulatorState } from './simulator-state';

/** A running simulator. */
export interface OpenRouterSimulator {
  /** Origin, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** What to give the openai SDK as `baseURL`: the origin plus `/api/v1`. */
  readonly baseUrl: string;
  /** A key the simulator accepts. */
  readonly apiKey: string;
  /** Recorded requests, faults, settings and canned answers. */
  readonly control: SimulatorControl;
  /** Stops listening and drops every open connection (hung and stalled requests included). */
  close(): Promise<void>;
}

/**
 * Starts an OpenRouter-compatible HTTP server on a local port (a free one by default). It answers
 * deterministically from the passages in the prompt, streams exactly as OpenRouter does, and
 * fails on demand (see `FaultSpec`).
 */
export async function startOpenRouterSimulator(
  options: OpenRouterSimulatorOptions = {},
): Promise<OpenRouterSimulator> {
  const state = new SimulatorState(options);
  const control = new SimulatorControl(state);
  const server = createServer((request, response) => {
    handle(state, control, request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        sendError(response, errorReply(500, 'Internal Server Error'));
      } else {
        response.destroy(error instanceof Error ? error : undefined);
      }
    });
  });
  server.keepAliveTimeout = 5_000;
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    baseUrl: `${url}${API_PREFIX}`,
    apiKey: state.apiKeys[0] ?? '',
    control,
    close: () => close(server),
  };
}

async function handle(
  state: SimulatorState,
  control: SimulatorControl,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://simulator.local');
  if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
    await routeControl(control, request, response, url);
    return;
  }
  if (url.pathname.startsWith(`${API_PREFIX}/`)) {
    await routeApi(state, request, response, url);
    return;
  }
  request.resume();
  sendError(response, errorReply(404, `Not Found: ${url.pathname}`));
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => {
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    });
    server.closeAllConnections();
  });
}
