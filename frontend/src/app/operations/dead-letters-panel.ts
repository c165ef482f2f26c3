import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { Observable } from 'rxjs';
import { filter, forkJoin, map, switchMap } from 'rxjs';

import type { DeadLetterList, DeadLetterView, ServiceName } from '@deskpilot/contracts';
import { SERVICE_NAMES } from '@deskpilot/contracts';

import { confirmAction } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { ErrorState } from '../ui/error-state';
import { describeHttpError } from '../ui/http-error';
import { LoadingState } from '../ui/loading-state';
import { RemoteData } from '../ui/remote-data';
import { OperationsApi } from './operations-api';

/** Messages no handler could process, why, and sending them back to be handled again. */
@Component({
  selector: 'dp-dead-letters-panel',
  imports: [
    DatePipe,
    MatTableModule,
    MatCheckboxModule,
    MatButtonModule,
    MatIconModule,
    MatFormFieldModule,
    MatSelectModule,
    MatTooltipModule,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './dead-letters-panel.html',
  styleUrl: './dead-letters-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeadLettersPanel {
  private readonly api = inject(OperationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** After a replay: queue depths have changed. */
  readonly replayed = output<number>();

  protected readonly services = SERVICE_NAMES;
  protected readonly columns = [
    'select',
    'deadAt',
    'service',
    'name',
    'reason',
    'attempts',
    'actions',
  ];
  protected readonly letters = new RemoteData<DeadLetterList>();
  protected readonly service = signal<ServiceName | undefined>(undefined);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly expanded = signal<string | undefined>(undefined);
  protected readonly replaying = signal(false);

  protected readonly items = computed(() => this.letters.value()?.items ?? []);
  protected readonly selectedLetters = computed(() =>
    this.items().filter((letter) => this.selected().has(keyOf(letter))),
  );
  protected readonly allSelected = computed(
    () => this.items().length > 0 && this.selectedLetters().length === this.items().length,
  );

  constructor() {
    this.refresh();
  }

  refresh(): void {
    this.selected.set(new Set());
    this.letters.load(this.api.deadLetters(this.service()));
  }

  /** `''` is "all services". */
  protected filterByService(service: ServiceName | ''): void {
    this.service.set(service === '' ? undefined : service);
    this.refresh();
  }

  protected keyOf(letter: DeadLetterView): string {
    return keyOf(letter);
  }

  protected toggle(letter: DeadLetterView): void {
    const key = keyOf(letter);
    this.selected.update((current) => {
      const next = new Set(current);
      if (!next.delete(key)) {
        next.add(key);
      }
      return next;
    });
  }

  protected toggleAll(): void {
    this.selected.set(this.allSelected() ? new Set() : new Set(this.items().map(keyOf)));
  }

  protected toggleDetails(letter: DeadLetterView): void {
    const key = keyOf(letter);
    this.expanded.update((current) => (current === key ? undefined : key));
  }

  protected replayOne(letter: DeadLetterView): void {
    this.replay([letter]);
  }

  protected replaySelected(): void {
    this.replay(this.selectedLetters());
  }

  private replay(letters: readonly DeadLetterView[]): void {
    if (letters.length === 0 || this.replaying()) {
      return;
    }
    const count = letters.length === 1 ? 'this message' : `these ${letters.length} messages`;
    confirmAction(this.dialog, {
      title:
        letters.length === 1 ? 'Replay dead letter?' : `Replay ${letters.length} dead letters?`,
      message: `Send ${count} back to the queue it failed on, to be handled again. If the cause is not fixed, it fails again and returns here.`,
      confirmLabel: 'Replay',
    })
      .pipe(
        filter((confirmed) => confirmed),
        switchMap(() => {
          this.replaying.set(true);
          return this.sendReplays(letters);
        }),
      )
      .subscribe({
        next: (replayed) => {
          this.replaying.set(false);
          this.snackBar.open(
            replayed === 1
              ? '1 message sent back to its queue'
              : `${replayed} messages sent back to their queues`,
            'Dismiss',
            { duration: 5000 },
          );
          this.replayed.emit(replayed);
          this.refresh();
        },
        error: (error: unknown) => {
          this.replaying.set(false);
          this.snackBar.open(`Replay failed: ${describeHttpError(error)}`, 'Dismiss');
          this.refresh();
        },
      });
  }

  private sendReplays(letters: readonly DeadLetterView[]): Observable<number> {
    const byService = new Map<ServiceName, string[]>();
    for (const letter of letters) {
      byService.set(letter.service, [...(byService.get(letter.service) ?? []), letter.id]);
    }
    return forkJoin([...byService].map(([service, ids]) => this.api.replay({ service, ids }))).pipe(
      map((results) => results.reduce((sum, result) => sum + result.replayed, 0)),
    );
  }
}

function keyOf(letter: DeadLetterView): string {
  return `${letter.service}/${letter.id}`;
}
