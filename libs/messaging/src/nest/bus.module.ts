import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import type { Broker } from '../core/broker';
import { MessageBus } from './message-bus';

/** Injection token of the process's broker (shared by every service in the embedded mode). */
export const BROKER = Symbol('BROKER');

export interface BusModuleOptions {
  readonly broker: Broker;
  readonly service: string;
  readonly defaultTimeoutMs?: number;
}

/** Gives a service its typed MessageBus; the broker itself is created by the process. */
@Module({})
export class BusModule {
  static forRoot(options: BusModuleOptions): DynamicModule {
    return {
      module: BusModule,
      global: true,
      providers: [
        { provide: BROKER, useValue: options.broker },
        {
          provide: MessageBus,
          useFactory: () =>
            new MessageBus(options.broker, {
              service: options.service,
              defaultTimeoutMs: options.defaultTimeoutMs ?? 10_000,
            }),
        },
      ],
      exports: [BROKER, MessageBus],
    };
  }
}
