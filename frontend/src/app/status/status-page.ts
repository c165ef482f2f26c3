import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import type { OnDestroy, OnInit } from '@angular/core';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import type { SystemHealth } from './system-health';

const REFRESH_MS = 10_000;

interface ServiceRow {
  readonly name: string;
  readonly status: 'up' | 'down';
  readonly detail: string | undefined;
  readonly checks: readonly { name: string; status: string; latencyMs?: number; detail?: string }[];
}

@Component({
  selector: 'dp-status-page',
  imports: [MatCardModule, MatChipsModule, MatIconModule, MatButtonModule, MatProgressBarModule],
  templateUrl: './status-page.html',
  styleUrl: './status-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusPage implements OnInit, OnDestroy {
  private readonly http = inject(HttpClient);
  private timer: ReturnType<typeof setInterval> | undefined;

  protected readonly health = signal<SystemHealth | undefined>(undefined);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | undefined>(undefined);
  protected readonly checkedAt = signal<Date | undefined>(undefined);

  protected readonly rows = computed<ServiceRow[]>(() => {
    const health = this.health();
    if (health === undefined) {
      return [];
    }
    return Object.entries(health.services).map(([name, service]) => ({
      name,
      status: service.status,
      detail: 'detail' in service ? service.detail : undefined,
      checks:
        'checks' in service
          ? Object.entries(service.checks).map(([check, result]) => ({ name: check, ...result }))
          : [],
    }));
  });

  ngOnInit(): void {
    this.refresh();
    this.timer = setInterval(() => {
      this.refresh();
    }, REFRESH_MS);
  }

  ngOnDestroy(): void {
    clearInterval(this.timer);
  }

  protected refresh(): void {
    this.loading.set(true);
    this.http.get<SystemHealth>('/api/health').subscribe({
      next: (health) => {
        this.showHealth(health);
      },
      error: (failure: HttpErrorResponse) => {
        // 503 still carries the report: some service is down, and the page says which.
        const body = failure.error as SystemHealth | null;
        if (
          failure.status === 503 &&
          body !== null &&
          typeof body === 'object' &&
          'services' in body
        ) {
          this.showHealth(body);
          return;
        }
        this.loading.set(false);
        this.error.set(
          `The gateway did not answer (${failure.status === 0 ? 'offline' : failure.status})`,
        );
      },
    });
  }

  private showHealth(health: SystemHealth): void {
    this.health.set(health);
    this.error.set(undefined);
    this.loading.set(false);
    this.checkedAt.set(new Date());
  }
}
