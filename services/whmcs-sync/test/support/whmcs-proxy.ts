import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Sits between whmcs-sync and the WHMCS simulator: counts the API calls in flight at once and
 * answers HTTP 500 for `GetTicket` of the tickets in `failing`, as a broken PHP page would.
 */
export class WhmcsProxy {
  readonly failing = new Set<string>();
  peakInFlight = 0;
  private inFlight = 0;

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {}

  static async start(targetUrl: string): Promise<WhmcsProxy> {
    const server = createServer();
    const proxy = new WhmcsProxy(server, new URL(targetUrl));
    server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) => {
      void proxy.forward(incoming, outgoing);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async forward(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    this.inFlight += 1;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) {
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
    const params = new URLSearchParams(body.toString('utf8'));
    const done = (): void => {
      this.inFlight -= 1;
    };
    if (
      params.get('action')?.toLowerCase() === 'getticket' &&
      this.failing.has(params.get('ticketid') ?? '')
    ) {
      done();
      outgoing
        .writeHead(500, { 'content-type': 'text/html' })
        .end('<h1>Internal Server Error</h1>');
      return;
    }
    const upstream = request(
      new URL(incoming.url ?? '/', this.target),
      { method: incoming.method, headers: { ...incoming.headers, host: this.target.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        answer.on('end', done);
      },
    );
    upstream.on('error', () => {
      done();
      outgoing.destroy();
    });
    upstream.end(body);
  }
}
