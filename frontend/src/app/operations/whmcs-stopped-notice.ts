import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import type { SyncStatus } from '@deskpilot/contracts';

import { RemoteData } from '../ui/remote-data';
import { OperationsApi } from './operations-api';

/**
 * Tells an administrator, wherever they start, that WHMCS polling and posting stopped after a
 * 403 and wait for them: no new drafts arrive and approved replies are held. Shows nothing
 * otherwise, or when the state cannot be read (the Operations page says why).
 */
@Component({
  selector: 'dp-whmcs-stopped-notice',
  imports: [RouterLink, MatButtonModule, MatIconModule],
  template: `
    @if (reason(); as reason) {
      <div class="banner banner-error notice" role="alert">
        <mat-icon aria-hidden="true">sync_problem</mat-icon>
        <span class="text">
          <strong>WHMCS polling and posting are stopped.</strong>
          No new drafts arrive and approved replies wait until it is resumed. {{ reason }}
        </span>
        <a mat-button routerLink="/operations">Open Operations</a>
      </div>
    }
  `,
  styles: `
    .notice {
      margin-bottom: 16px;
    }
    .text {
      flex: 1;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WhmcsStoppedNotice {
  private readonly status = new RemoteData<SyncStatus>();

  /** WHMCS's refusal, while polling is stopped. */
  protected readonly reason = computed(() => {
    const status = this.status.value();
    if (status?.state !== 'blocked') {
      return undefined;
    }
    const alert = status.alerts.find(
      (candidate) => candidate.kind === 'whmcs-forbidden' && candidate.resolvedAt === null,
    );
    return alert?.message ?? status.lastError ?? 'WHMCS refused access.';
  });

  constructor() {
    this.status.load(inject(OperationsApi).syncStatus());
  }
}
