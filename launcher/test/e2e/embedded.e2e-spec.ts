import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { waitFor } from '@deskpilot/testing';

import { runCli } from '../support/cli';
import { ALL_SERVICES, systemHealth } from '../support/health';

describe('npm start (embedded mode)', () => {
  let dataDir: string;

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
