import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

import type { SystemHealth } from '@deskpilot/contracts';

import { ErrorState } from '../ui/error-state';
import { LoadingState } from '../ui/loading-state';
import { RemoteData } from '../ui/remote-data';
import { StatusBadge } from '../ui/status-badge';
import { OperationsApi } from './operations-api';

interface CheckRow {
  readonly name: string;
  readonly up: boolean;
  readonly latency: string | undefined;
  readonly detail: string | undefined;
}

interface ServiceRow {
  readonly name: string;
  readonly up: boolean;
  readonly detail: string | undefined;
  readonly version: string | undefined;
  readonly uptime: string | undefined;
  readonly checks: readonly CheckRow[];
}

/** Readiness of each service and of each dependency it checks. */
@Component({
  selector: 'dp-health-panel',
  imports: [MatIconModule, StatusBadge, LoadingState, ErrorState],
  templateUrl: './health-panel.html',
  styleUrl: './health-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthPanel {
  private readonly api = inject(OperationsApi);
  protected readonly health = new RemoteData<SystemHealth>();

  protected readonly rows = computed<ServiceRow[]>(() =>
    Object.entries(this.health.value()?.services ?? {}).map(([name, service]) => {
      if (!('checks' in service)) {
        return {
          name,
          up: false,
          detail: service.detail,
          version: undefined,
          uptime: undefined,
          checks: [],
        };
      }
      return {
        name,
        up: service.status === 'up',
        detail: undefined,
        version: service.version,
        uptime: formatUptime(service.uptimeSeconds),
        checks: Object.entries(service.checks).map(([check, result]) => ({
          name: check,
          up: result.status === 'up',
          latency: result.latencyMs === undefined ? undefined : formatLatency(result.latencyMs),
          detail: result.detail,
        })),
      };
    }),
  );
  protected readonly down = computed(() => this.rows().filter((row) => !row.up).length);

  constructor() {
    this.refresh();
  }

  refresh(): void {
    this.health.load(this.api.health());
  }
}

function formatLatency(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

function formatUptime(seconds: number): string {
  if (seconds < 60) {
    return `${Math.floor(seconds)} s`;
  }
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min`;
  }
  if (seconds < 86_400) {
    return `${Math.floor(seconds / 3600)} h`;
  }
  return `${Math.floor(seconds / 86_400)} d`;
}
