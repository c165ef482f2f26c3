import type { PGlite } from '@electric-sql/pglite';
import type { Server, Socket } from 'node:net';
import { createServer } from 'node:net';

const SSL_REQUEST_CODE = 80_877_103;
const CANCEL_REQUEST_CODE = 80_877_102;
const PROTOCOL_3 = 196_608;

/**
 * Frontend messages after which the client waits for an answer: the end of an extended-protocol
 * exchange (Sync, Flush), a simple Query, a function call, a password, or Terminate.
 */
const ENDS_EXCHANGE = new Set(['S', 'H', 'Q', 'F', 'p', 'X']);

interface Exchange {
  readonly connection: number;
  readonly bytes: Uint8Array;
  readonly reply: (data: Uint8Array) => void;
  readonly fail: (error: unknown) => void;
}

/**
 * Serves one PGlite database over the PostgreSQL wire protocol to many client connections.
 *
 * PGlite is a single session, so statements of different connections must never interleave:
 * each connection's messages are queued as whole exchanges (everything up to a Sync or a simple
 * Query), run one exchange at a time, and while a connection has a transaction open only that
 * connection's exchanges run. A connection that goes away mid-transaction is rolled back.
 */
export class PgliteWireServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly queue: Exchange[] = [];
  private nextConnection = 1;
  private owner: number | undefined;
  private pumping = false;

  constructor(private readonly db: PGlite) {
    this.server = createServer((socket) => {
      this.accept(socket);
    });
  }

  /** Listens on a local port (0 for any free one) and returns `host:port`. */
  listen(host: string, port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address !== null ? `${host}:${address.port}` : host);
      });
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
    await this.pumpDone();
  }

  private accept(socket: Socket): void {
    const connection = this.nextConnection++;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    let buffer: Buffer = Buffer.alloc(0);
    let started = false;
    let pending: Buffer[] = [];

    const send = (bytes: Uint8Array): void => {
      this.enqueue({
        connection,
        bytes,
        reply: (data) => {
          if (!socket.destroyed) {
            socket.write(data);
          }
        },
        fail: () => socket.destroy(),
      });
    };

    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) {
            return;
          }
          const length = buffer.readInt32BE(0);
          const code = buffer.readInt32BE(4);
          if (buffer.length < length) {
            return;
          }
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST_CODE) {
            socket.write('N');
          } else if (code === CANCEL_REQUEST_CODE) {
            socket.end();
            return;
          } else if (code === PROTOCOL_3) {
            started = true;
            send(message);
          } else {
            socket.destroy();
            return;
          }
          continue;
        }
        if (buffer.length < 5) {
          return;
        }
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) {
          return;
        }
        const type = String.fromCharCode(buffer[0] ?? 0);
        pending.push(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        if (ENDS_EXCHANGE.has(type)) {
          send(Buffer.concat(pending));
          pending = [];
        }
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.disconnect(connection);
    });
  }

  private enqueue(exchange: Exchange): void {
    this.queue.push(exchange);
    void this.pump();
  }

  private disconnect(connection: number): void {
    for (let i = this.queue.length - 1; i >= 0; i -= 1) {
      if (this.queue[i]?.connection === connection) {
        this.queue.splice(i, 1);
      }
    }
    if (this.owner === connection) {
      // The connection left with its transaction open: end it so the others can run.
      this.enqueue({
        connection,
        bytes: simpleQuery('ROLLBACK'),
        reply: () => undefined,
        fail: () => undefined,
      });
    }
  }

  private async pump(): Promise<void> {
    if (this.pumping) {
      return;
    }
    this.pumping = true;
    try {
      for (;;) {
        const index =
          this.owner === undefined ? 0 : this.queue.findIndex((e) => e.connection === this.owner);
        const exchange = index < 0 ? undefined : this.queue.splice(index, 1)[0];
        if (exchange === undefined) {
          return;
        }
        try {
          await this.db.execProtocolRawStream(exchange.bytes, { onRawData: exchange.reply });
        } catch (error) {
          exchange.fail(error);
        }
        this.owner = this.db.isInTransaction() ? exchange.connection : undefined;
      }
    } finally {
      this.pumping = false;
    }
  }

  private async pumpDone(): Promise<void> {
    while (this.pumping) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** A simple-protocol Query message. */
function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}
