import type { DynamicModule, OnModuleInit } from '@nestjs/common';
import { Inject, Module } from '@nestjs/common';

import type { Broker } from '@deskpilot/messaging';
import { BROKER, BusModule } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';

import { HealthRegistry } from './health/health-registry';
import type { ServiceIdentity } from './tokens';
import { LOGGER, SERVICE_IDENTITY } from './tokens';

export interface RuntimeModuleOptions {
  readonly identity: ServiceIdentity;
  readonly logger: Logger;
  readonly broker: Broker;
}

/** What every service has: its identity, its logger, the bus and a health registry. */
@Module({})
export class RuntimeModule implements OnModuleInit {
  constructor(
    private readonly health: HealthRegistry,
    @Inject(BROKER) private readonly broker: Broker,
  ) {}

  static forRoot(options: RuntimeModuleOptions): DynamicModule {
    return {
      module: RuntimeModule,
      global: true,
      imports: [BusModule.forRoot({ broker: options.broker, service: options.identity.service })],
      providers: [
        { provide: SERVICE_IDENTITY, useValue: options.identity },
        { provide: LOGGER, useValue: options.logger },
        HealthRegistry,
      ],
      exports: [SERVICE_IDENTITY, LOGGER, HealthRegistry],
    };
  }

  onModuleInit(): void {
    this.health.register({
      name: 'bus',
      check: () =>
        Promise.resolve(
          this.broker.state === 'connected'
            ? { status: 'up', detail: this.broker.transport }
            : { status: 'down', detail: `${this.broker.transport} ${this.broker.state}` },
        ),
    });
  }
}
