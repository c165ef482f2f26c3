import { Injectable } from '@nestjs/common';

import type { ServiceHealth } from '@deskpilot/contracts';
import { WORKER_SERVICES, healthRpcOf } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import { HealthRegistry } from '@deskpilot/runtime';

const PROBE_TIMEOUT_MS = 3_000;

export type ServiceStatus = ServiceHealth | { readonly status: 'down'; readonly detail: string };

export interface SystemHealth {
  readonly status: 'up' | 'down';
  readonly services: Record<string, ServiceStatus>;
}

/** Readiness of the whole product: the gateway itself and every worker, asked over the bus. */
@Injectable()
export class SystemHealthService {
  constructor(
    private readonly health: HealthRegistry,
    private readonly bus: MessageBus,
  ) {}

  async check(): Promise<SystemHealth> {
    const [gateway, ...workers] = await Promise.all([
      this.health.report(),
      ...WORKER_SERVICES.map((service) => this.probe(service)),
    ]);
    const entries: [string, ServiceStatus][] = [
      ['gateway', gateway],
      ...WORKER_SERVICES.map((service, i): [string, ServiceStatus] => [
        service,
        workers[i] ?? { status: 'down', detail: 'not probed' },
      ]),
    ];
    const status = entries.every(([, health]) => health.status === 'up') ? 'up' : 'down';
    return { status, services: Object.fromEntries(entries) };
  }

  private async probe(service: string): Promise<ServiceStatus> {
    const rpc = healthRpcOf[service as keyof typeof healthRpcOf];
    try {
      return await this.bus.request(rpc, {}, { timeoutMs: PROBE_TIMEOUT_MS });
    } catch (error) {
      return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
