import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Observable } from 'rxjs';

import type {
  DraftingDepartments,
  SyncAlert,
  SyncRunResult,
  SyncStatus,
} from '@deskpilot/contracts';

import { DRAFT_STATUSES } from '../tickets/draft-labels';
import { ActionError } from '../ui/action-error';
import { ErrorState } from '../ui/error-state';
import { describeHttpError } from '../ui/http-error';
import { LoadingState } from '../ui/loading-state';
import { RemoteData } from '../ui/remote-data';
import { StatusBadge } from '../ui/status-badge';
import type { BadgeTone } from '../ui/status-badge';
import { DepartmentsDialog } from './departments-dialog';
import { OperationsApi } from './operations-api';

const STATES: Record<SyncStatus['state'], { label: string; tone: BadgeTone }> = {
  starting: { label: 'Starting', tone: 'neutral' },
  polling: { label: 'Polling', tone: 'info' },
  idle: { label: 'Connected', tone: 'success' },
  'backing-off': { label: 'Retrying after errors', tone: 'warning' },
  blocked: { label: 'Stopped: WHMCS refused access', tone: 'danger' },
};

const ALERT_KINDS: Record<SyncAlert['kind'], string> = {
  'whmcs-forbidden': 'WHMCS refused access (403)',
  'send-failed': 'A reply could not be posted',
};

/**
 * The WHMCS connection: whether polling runs, when it last reached WHMCS and what went wrong,
 * the tickets and drafts it holds, and its alerts. An operator polls at once from here, and
 * resumes polling and posting once a 403 (a banned address, a changed credential) is fixed.
 */
@Component({
  selector: 'dp-whmcs-panel',
  imports: [
    DatePipe,
    MatButtonModule,
    MatIconModule,
    ActionError,
    ErrorState,
    LoadingState,
    StatusBadge,
  ],
  templateUrl: './whmcs-panel.html',
  styleUrl: './whmcs-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WhmcsPanel {
  private readonly api = inject(OperationsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);

  protected readonly status = new RemoteData<SyncStatus>();
  /** Read once (it asks WHMCS), and again after a change. */
  protected readonly departments = new RemoteData<DraftingDepartments>();
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | undefined>(undefined);
  protected readonly alertKinds = ALERT_KINDS;

  protected readonly state = computed(() => {
    const status = this.status.value();
    return status === undefined ? undefined : STATES[status.state];
  });

  /** Draft counts in the queue's order, those with none left out. */
  protected readonly drafts = computed(() => {
    const counts = this.status.value()?.draftsByStatus ?? {};
    return DRAFT_STATUSES.filter((status) => (counts[status.value] ?? 0) > 0).map((status) => ({
      label: status.label,
      count: counts[status.value] ?? 0,
    }));
  });

  /** The departments drafted, in words. */
  protected readonly drafted = computed(() => {
    const departments = this.departments.value();
    if (departments === undefined) {
      return undefined;
    }
    if (departments.source === 'all') {
      return 'Every department';
    }
    const names = departments.departments
      .filter((department) => department.drafts)
      .map((department) => department.name);
    return names.length > 0 ? names.join(', ') : 'None';
  });

  constructor() {
    this.refresh();
    this.loadDepartments();
  }

  refresh(): void {
    this.status.load(this.api.syncStatus());
  }

  /** Reads the tickets that changed now (`full`: every awaiting ticket) instead of waiting. */
  protected poll(full: boolean): void {
    this.act(this.api.runSync(full), (result) => {
      this.snackBar.open(runSummary(result), 'OK', { duration: 6000 });
    });
  }

  protected resume(): void {
    this.act(this.api.resumeSync(), (status) => {
      this.status.set(status);
      this.snackBar.open('Polling and posting resumed.', 'OK', { duration: 6000 });
    });
  }

  protected loadDepartments(): void {
    this.departments.load(this.api.departments());
  }

  protected chooseDepartments(current: DraftingDepartments): void {
    this.dialog
      .open<DepartmentsDialog, DraftingDepartments, DraftingDepartments>(DepartmentsDialog, {
        data: current,
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved !== undefined) {
          this.departments.set(saved);
          this.snackBar.open('The departments that get drafts were saved.', 'OK', {
            duration: 6000,
          });
        }
      });
  }

  private act<T>(request: Observable<T>, done: (value: T) => void): void {
    this.busy.set(true);
    this.actionError.set(undefined);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
        this.refresh();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.actionError.set(describeHttpError(error));
      },
    });
  }
}

function runSummary(result: SyncRunResult): string {
  if (result.skipped) {
    return 'A poll was already running; its results show shortly.';
  }
  const read = `WHMCS listed ${result.listed} tickets awaiting a reply; ${result.fetched} read`;
  const drafts = `${result.draftsRequested} drafts requested`;
  const failures = result.failures > 0 ? `, ${result.failures} failed` : '';
  return `${read}, ${drafts}${failures}.`;
}
