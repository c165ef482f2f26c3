import { Module } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { commonConfig, commonEnvironment, readEnvironment } from '@deskpilot/config';
import { HandlerWiringError } from '@deskpilot/messaging';
import type { Disposable } from '@deskpilot/testing';
import { createTestVhost, waitFor } from '@deskpilot/testing';

import { startService } from '../../src/bootstrap/start-service';
import { RuntimeModule } from '../../src/runtime.module';

const run = promisify(execFile);

@Module({})
class NoHandlersModule {}

/** `list_connections` has no vhost filter (`-p` is ignored), so its vhost column is compared. */
async function connectionsTo(vhost: string): Promise<number> {
  const name = decodeURIComponent(new URL(vhost).pathname.slice(1));
  const { stdout } = await run('rabbitmqctl', ['-q', 'list_connections', 'vhost']);
  return stdout.split('\n').filter((line) => line.trim() === name).length;
}

describe(startService.name, () => {
  let vhost: Disposable<string>;

  beforeEach(async () => {
    vhost = await createTestVhost();
  });

  afterEach(async () => {
    await vhost.dispose();
  });

  it('should close the broker connection it opened when the service cannot start', async () => {
    const starting = startService(
      {
        service: 'ingest',
        loadConfig: (env) => ({ common: commonConfig(readEnvironment(commonEnvironment, env)) }),
        module: (_config, runtime) => ({
          module: NoHandlersModule,
          imports: [RuntimeModule.forRoot(runtime)],
        }),
        http: () => undefined,
      },
      { env: { AMQP_URL: vhost.value, LOG_LEVEL: 'silent' } },
    );

    await expect(starting).rejects.toBeInstanceOf(HandlerWiringError);
    await waitFor(async () => (await connectionsTo(vhost.value)) === 0, {
      timeoutMs: 40_000,
      intervalMs: 1_000,
    });
  });
});
