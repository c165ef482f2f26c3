import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

import { PageHeader } from '../ui/page-header';
import { autoRefresh } from './auto-refresh';
import { DeadLettersPanel } from './dead-letters-panel';
import { HealthPanel } from './health-panel';
import { QueuesPanel } from './queues-panel';
import { WhmcsPanel } from './whmcs-panel';

const REFRESH_MS = 10_000;

/**
 * What an operator checks first: is every service ready, is WHMCS reachable, is anything piling
 * up or stuck.
 */
@Component({
  selector: 'dp-operations-page',
  imports: [
    DatePipe,
    PageHeader,
    HealthPanel,
    QueuesPanel,
    DeadLettersPanel,
    WhmcsPanel,
    MatButtonModule,
    MatIconModule,
  ],
  template: `
    <dp-page-header
      heading="Operations"
      subtitle="Service health, the WHMCS connection and queues refresh every 10 seconds."
    >
      <span class="checked" aria-live="polite">Updated {{ checkedAt() | date: 'mediumTime' }}</span>
      <button mat-stroked-button type="button" (click)="refreshAll()">
        <mat-icon aria-hidden="true">refresh</mat-icon>
        Refresh
      </button>
    </dp-page-header>
    <dp-health-panel />
    <dp-whmcs-panel />
    <dp-queues-panel />
    <dp-dead-letters-panel (replayed)="queues().refresh()" />
  `,
  styles: `
    .checked {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OperationsPage {
  private readonly health = viewChild.required(HealthPanel);
  private readonly whmcs = viewChild.required(WhmcsPanel);
  protected readonly queues = viewChild.required(QueuesPanel);
  private readonly deadLetters = viewChild.required(DeadLettersPanel);
  protected readonly checkedAt = signal(new Date());

  constructor() {
    autoRefresh(REFRESH_MS, () => {
      this.refreshLive();
    });
  }

  protected refreshAll(): void {
    this.refreshLive();
    this.deadLetters().refresh();
  }

  private refreshLive(): void {
    this.health().refresh();
    this.whmcs().refresh();
    this.queues().refresh();
    this.checkedAt.set(new Date());
  }
}
