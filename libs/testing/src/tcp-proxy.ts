import type { Server, Socket } from 'node:net';
import { createConnection, createServer } from 'node:net';

export interface TcpProxy {
  /** Port clients connect to; fixed for the proxy's life, even while it is not listening. */
  readonly port: number;
  /** Starts accepting connections (again). */
  open(): Promise<void>;
  /** Stops accepting and cuts every open connection, as an outage or restart would. */
  cut(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP forwarder to `target` on a port of its own. Tests point a service at the proxy to make a
 * dependency unreachable at start, appear later, or drop every connection mid-run.
 */
export async function createTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const port = await freePort();

  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = createConnection(target);
        sockets.add(client).add(upstream);
        const drop = (): void => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream).pipe(client);
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        server = next;
        resolve();
      });
    });

  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      for (const socket of sockets) {
        socket.destroy();
      }
      sockets.clear();
      if (server === undefined) {
        resolve();
        return;
      }
      server.close(() => {
        resolve();
      });
      server = undefined;
    });

  return { port, open: listen, cut: stop, close: stop };
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}
