import { Inject, Injectable } from '@nestjs/common';

import type { DependencyCheck, ServiceHealth } from '@deskpilot/contracts';

import { withDeadline } from '../timing/with-deadline';
import type { ServiceIdentity } from '../tokens';
import { SERVICE_IDENTITY } from '../tokens';

/** A dependency the service needs to do its work (database, bucket, broker, index…). */
export interface HealthIndicator {
  readonly name: string;
  check(): Promise<Omit<DependencyCheck, 'latencyMs'>>;
}

const CHECK_TIMEOUT_MS = 2_000;

/** Collects the service's health indicators and runs them for readiness probes. */
@Injectable()
export class HealthRegistry {
  private readonly indicators: HealthIndicator[] = [];

  constructor(@Inject(SERVICE_IDENTITY) private readonly identity: ServiceIdentity) {}

  register(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
  }

  async report(): Promise<ServiceHealth> {
    const entries = await Promise.all(
      this.indicators.map(async (indicator) => [indicator.name, await timed(indicator)] as const),
    );
    const checks = Object.fromEntries(entries);
    return {
      service: this.identity.service,
      instanceId: this.identity.instanceId,
      version: this.identity.version,
      status: entries.every(([, check]) => check.status === 'up') ? 'up' : 'down',
      uptimeSeconds: Math.round((Date.now() - this.identity.startedAt.getTime()) / 1000),
      checks,
    };
  }
}

async function timed(indicator: HealthIndicator): Promise<DependencyCheck> {
  const started = performance.now();
  try {
    const result = await withDeadline(indicator.check(), CHECK_TIMEOUT_MS);
    return { ...result, latencyMs: round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: round(performance.now() - started),
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
