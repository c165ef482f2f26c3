import type { Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

import type { WebFetchLimits } from './web-page-fetcher';
import { WebFetchError, fetchWebPage, filenameOf } from './web-page-fetcher';

const PAGE =
  '<html><head><title>DNS records</title></head><body><p>Point the A record.</p></body></html>';

/** A small web server on this host that answers each path as the tests need. */
function startServer(): Promise<{ server: Server; base: string }> {
  const routes: Record<string, (response: ServerResponse) => void> = {
    '/kb/dns-records': (response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    },
    '/kb/compressed': (response) => {
      response
        .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        .end(gzipSync(PAGE));
    },
    '/moved': (response) => {
      response.writeHead(301, { location: '/kb/dns-records' }).end();
    },
    '/loop': (response) => {
      response.writeHead(302, { location: '/loop' }).end();
    },
    '/missing': (response) => {
      response.writeHead(404, 'Not Found').end('no such page');
    },
    '/large': (response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('x'.repeat(200_000));
    },
    '/large-compressed': (response) => {
      response
        .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
        .end(gzipSync('x'.repeat(5_000_000)));
    },
    '/stalls': () => undefined,
    '/breaks-off': (response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' });
      response.write('only part of it');
      setTimeout(() => response.destroy(), 50);
    },
  };
  const server = createServer((request, response) => {
    const route = routes[request.url ?? ''];
    if (route === undefined) {
      response.writeHead(500).end();
      return;
    }
    route(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}

describe(fetchWebPage.name, () => {
  let server: Server;
  let base: string;
  const limits: WebFetchLimits = { maxBytes: 100_000, timeoutMs: 2_000, allowInternal: true };

  beforeAll(async () => {
    ({ server, base } = await startServer());
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('should return the page with its declared type and a file name from its address', async () => {
    const page = await fetchWebPage(`${base}/kb/dns-records`, limits);

    expect(page.buffer.toString('utf8')).toBe(PAGE);
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.filename).toBe('dns-records.html');
  });

  it('should follow redirects and decompress a compressed page', async () => {
    await expect(fetchWebPage(`${base}/moved`, limits)).resolves.toMatchObject({
      filename: 'dns-records.html',
    });
    const compressed = await fetchWebPage(`${base}/kb/compressed`, limits);
    expect(compressed.buffer.toString('utf8')).toBe(PAGE);
  });

  it.each([
    ['/loop', 'redirected more than 5 times'],
    ['/missing', 'The server answered 404 Not Found.'],
    ['/large', 'larger than the upload limit of 0.1 MB'],
    ['/large-compressed', 'larger than the upload limit of 0.1 MB'],
    ['/stalls', 'did not arrive within 1 s'],
    ['/breaks-off', 'could not be read to its end'],
  ])('should refuse %s with a reason', async (path, reason) => {
    await expect(fetchWebPage(`${base}${path}`, { ...limits, timeoutMs: 1_000 })).rejects.toThrow(
      reason,
    );
  });

  it('should refuse addresses on this host unless they are allowed', async () => {
    const port = new URL(base).port;
    const closed = { ...limits, allowInternal: false };

    await expect(fetchWebPage(`${base}/kb/dns-records`, closed)).rejects.toThrow(
      'leads to 127.0.0.1, on this host or a private network',
    );
    await expect(fetchWebPage(`http://localhost:${port}/kb/dns-records`, closed)).rejects.toThrow(
      /leads to (127\.0\.0\.1|::1), on this host or a private network/u,
    );
    await expect(fetchWebPage(`http://[::1]:${port}/`, closed)).rejects.toThrow(WebFetchError);
  });

  it('should refuse what is not an http or https address', async () => {
    await expect(fetchWebPage('file:///etc/passwd', limits)).rejects.toThrow(
      'Only http and https addresses can be imported.',
    );
    await expect(fetchWebPage('not an address', limits)).rejects.toThrow('not a web address');
  });

  it('should say when a host does not exist or refuses the connection', async () => {
    const unused = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => {
          resolve(port);
        });
      });
    });

    await expect(fetchWebPage(`http://127.0.0.1:${unused}/`, limits)).rejects.toThrow(
      'refused the connection',
    );
    await expect(fetchWebPage('http://no-such-host.invalid/', limits)).rejects.toThrow(
      'The host no-such-host.invalid could not be found.',
    );
  });
});

describe(filenameOf.name, () => {
  it.each([
    ['https://docs.example.com/guides/dns-records?x=1', 'text/html', 'dns-records.html'],
    ['https://docs.example.com/', 'text/html', 'docs.example.com.html'],
    ['https://example.com/files/Mail%20setup.pdf', 'application/pdf', 'Mail-setup.pdf'],
    ['https://example.com/README.md', 'text/markdown; charset=utf-8', 'README.md'],
    ['https://example.com/notes', 'application/octet-stream', 'notes'],
  ])('should name %s (%s) %s', (address, type, expected) => {
    expect(filenameOf(new URL(address), type)).toBe(expected);
  });
});
