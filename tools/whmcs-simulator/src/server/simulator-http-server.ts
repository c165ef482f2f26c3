import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ApiEndpoint } from '../api/api-endpoint';
import type { ControlRoutes } from '../control/control-routes';
import { BodyTooLargeError, phpRequestParams, readBody } from './request-body';

export const API_PATH = '/includes/api.php';
export const CONTROL_PREFIX = '/_sim';

export interface HttpServerOptions {
  readonly host: string;
  readonly port: number;
  /** Called when a request fails inside the simulator itself (a bug, not a simulated fault). */
  readonly onError: (error: unknown) => void;
  /** Called after each request has been answered (or failed). */
  readonly afterRequest?: () => void;
}

/** The simulator's HTTP face: the WHMCS API at `/includes/api.php`, the control API at `/_sim`. */
export class SimulatorHttpServer {
  private readonly server: Server;
  private readonly holds = new Set<NodeJS.Timeout>();

  constructor(
    private readonly api: ApiEndpoint,
    private readonly control: ControlRoutes,
    private readonly options: HttpServerOptions,
  ) {
    this.server = createServer((request, response) => {
      this.route(request, response)
        .catch((error: unknown) => {
          this.options.onError(error);
          if (!response.headersSent) {
            response.writeHead(500, { 'content-type': 'text/plain' }).end('Simulator failure');
          }
        })
        .finally(() => this.options.afterRequest?.());
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  async close(): Promise<void> {
    for (const hold of this.holds) {
      clearTimeout(hold);
    }
    this.holds.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulator.local');
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        response.writeHead(413).end();
        return;
      }
      throw error;
    }
    if (url.pathname === API_PATH && (request.method === 'POST' || request.method === 'GET')) {
      await this.handleApi(request, response, url, body);
      return;
    }
    if (url.pathname.startsWith(`${API_PATH}/`)) {
      // A base URL that already ends in includes/api.php, with the path appended again.
      response.writeHead(200, { 'content-type': 'text/html' }).end('An admin user is required');
      return;
    }
    if (url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      this.handleControl(request, response, url, body);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
  }

  private async handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    body: Buffer,
  ): Promise<void> {
    const params = phpRequestParams(url, request.headers['content-type'], body);
    const outcome = await this.api.handle(params, request.socket.remoteAddress ?? '');
    if (outcome.kind === 'hang') {
      const hold = setTimeout(() => {
        this.holds.delete(hold);
        response.socket?.destroy();
      }, outcome.holdMs);
      this.holds.add(hold);
      return;
    }
    response
      .writeHead(outcome.response.status, { 'content-type': outcome.response.contentType })
      .end(outcome.response.text);
  }

  private handleControl(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    body: Buffer,
  ): void {
    let parsed: unknown;
    try {
      parsed = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(response, 400, { error: 'Body is not JSON' });
      return;
    }
    const result = this.control.handle({
      method: request.method ?? 'GET',
      path: url.pathname.slice(CONTROL_PREFIX.length),
      query: url.searchParams,
      body: parsed,
    });
    sendJson(response, result.status, result.body);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
