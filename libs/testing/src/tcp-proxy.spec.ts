import type { Server } from 'node:net';
import { createConnection, createServer } from 'node:net';

import { createTcpProxy } from './tcp-proxy';

function echoServer(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.pipe(socket));
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address !== null ? address.port : 0 });
    });
  });
}

function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('error', reject);
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString());
    });
    socket.write(text);
  });
}

describe(createTcpProxy.name, () => {
  let echo: { server: Server; port: number };

  beforeEach(async () => {
    echo = await echoServer();
  });

  afterEach(() => {
    echo.server.close();
  });

  it('should refuse connections until opened, then forward both ways', async () => {
    const sut = await createTcpProxy({ host: '127.0.0.1', port: echo.port });

    await expect(roundTrip(sut.port, 'early')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await sut.open();
    await expect(roundTrip(sut.port, 'hello')).resolves.toBe('hello');

    await sut.close();
  });

  it('should drop open connections when cut and accept new ones when reopened', async () => {
    const sut = await createTcpProxy({ host: '127.0.0.1', port: echo.port });
    await sut.open();
    const socket = createConnection({ host: '127.0.0.1', port: sut.port });
    await new Promise((resolve) => socket.once('connect', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));

    await sut.cut();

    await closed;
    await sut.open();
    await expect(roundTrip(sut.port, 'again')).resolves.toBe('again');
    await sut.close();
  });
});
