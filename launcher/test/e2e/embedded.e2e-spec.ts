import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { AccessTokenResponse, DocumentPage, SearchResponse } from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import { runCli } from '../support/cli';
import { ALL_SERVICES, systemHealth } from '../support/health';

const SAMPLE_DOCUMENTS = 10;

async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as AccessTokenResponse).accessToken;
}

async function api<T>(baseUrl: string, token: string, path: string, body?: object): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('npm start (embedded mode)', () => {
  let dataDir: string;
  let admin: { email: string; password: string };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-embedded-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should boot every service in one process and report them all ready over the bus', async () => {
    const cli = runCli('embedded', {
      DATA_DIR: dataDir,
      PORT: '0',
      AMQP_URL: '',
      DATABASE_URL: '',
    });
    try {
      const [, url] = await cli.waitFor(/Console:\s+(http:\/\/\S+?)\/?\s/, 60_000);
      const baseUrl = url as string;

      const health = await waitFor(
        async () => {
          const result = await systemHealth(baseUrl, { 'x-correlation-id': 'e2e-embedded-1' });
          return result.status === 200 ? result : undefined;
        },
        { timeoutMs: 20_000, message: 'health did not turn up' },
      );

      expect(health.body.status).toBe('up');
      expect(Object.keys(health.body.services).sort()).toEqual([...ALL_SERVICES].sort());
      for (const service of ALL_SERVICES) {
        expect(health.body.services[service]?.status).toBe('up');
        expect(health.body.services[service]?.checks?.['bus']?.detail).toBe('in-process');
      }
      expect(health.headers.get('x-correlation-id')).toBe('e2e-embedded-1');

      const [, email, password] = await cli.waitFor(/Sign in:\s+(\S+)\s+Password:\s+(\S+)/, 5_000);
      admin = { email: email as string, password: password as string };
      const token = await signIn(baseUrl, admin.email, admin.password);
      const hits = await waitFor(
        async () => {
          const { hits } = await api<SearchResponse>(baseUrl, token, '/api/search', {
            query: 'How do I get my DKIM and SPF records right so mail stops going to spam?',
          });
          return hits.length > 0 && hits;
        },
        { timeoutMs: 30_000, message: 'the sample knowledge base was not searchable' },
      );
      expect(hits[0]?.documentTitle).toBe('Email delivery: SPF, DKIM and DMARC');
      const documents = await api<DocumentPage>(baseUrl, token, '/api/documents');
      expect(documents.total).toBe(SAMPLE_DOCUMENTS);
      expect(documents.items.every((d) => d.uploadedBy.name === 'Deskpilot samples')).toBe(true);
    } finally {
      expect(await cli.stop()).toBe(0);
    }
  });

  it('should start again on the same data directory', async () => {
    expect(existsSync(join(dataDir, 'whmcs-simulator', 'state.json'))).toBe(true);
    const cli = runCli('embedded', {
      DATA_DIR: dataDir,
      PORT: '0',
      AMQP_URL: '',
      DATABASE_URL: '',
    });
    try {
      const [, url] = await cli.waitFor(/Console:\s+(http:\/\/\S+?)\/?\s/, 60_000);

      const health = await waitFor(
        async () => {
          const result = await systemHealth(url as string);
          return result.status === 200 ? result : undefined;
        },
        { timeoutMs: 20_000 },
      );

      expect(health.body.status).toBe('up');
      const token = await signIn(url as string, admin.email, admin.password);
      const documents = await api<DocumentPage>(url as string, token, '/api/documents');
      expect(documents.total).toBe(SAMPLE_DOCUMENTS);
    } finally {
      expect(await cli.stop()).toBe(0);
    }
  });

  it('should stop with a message naming the variable when the configuration is invalid', async () => {
    const cli = runCli('embedded', {
      DATA_DIR: dataDir,
      PORT: 'eighty',
      AMQP_URL: '',
      DATABASE_URL: '',
    });

    const code = await new Promise<number | null>((resolve) => cli.child.once('exit', resolve));

    expect(code).toBe(1);
    expect(cli.output()).toContain('PORT: must be a port number 0-65535 (got "eighty")');
  });
});
