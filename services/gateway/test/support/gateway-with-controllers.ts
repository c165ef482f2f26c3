import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import { PRODUCT_VERSION } from '@deskpilot/contracts';
import { createLogger } from '@deskpilot/observability';

import { loadGatewayConfig } from '../../src/config/gateway.config';
import { GatewayModule } from '../../src/gateway.module';
import { configureHttp } from '../../src/http/configure-http';
import { provisionDependencies, strongPassword } from './dependencies';

/**
 * The gateway module plus extra controllers, on the real HTTP configuration: for tests of how
 * the gateway treats routes that features add (the access guard applies to them too).
 */
export async function startGatewayWith(
  controllers: Type[],
): Promise<{ app: INestApplication; stop: () => Promise<void> }> {
  const dependencies = await provisionDependencies();
  const config = loadGatewayConfig(
    {
      ...dependencies.env,
      ADMIN_EMAIL: 'admin@gateway.test',
      ADMIN_PASSWORD: strongPassword(),
    },
    'embedded',
  );
  const logger = createLogger({ service: 'gateway', instanceId: 'test', level: 'silent' });
  const moduleRef = await Test.createTestingModule({
    imports: [
      GatewayModule.forRoot(config, {
        identity: {
          service: 'gateway',
          instanceId: 'test',
          version: PRODUCT_VERSION,
          startedAt: new Date(),
        },
        logger,
        broker: dependencies.broker,
      }),
    ],
    controllers,
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureHttp(config, logger)(app);
  await app.init();
  return {
    app,
    stop: async () => {
      await app.close();
      await dependencies.dispose();
    },
  };
}
