import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { filter, switchMap, tap } from 'rxjs';

import type {
  BotSettingsDiff,
  BotSettingsHistory,
  BotSettingsValues,
  BotSettingsVersion,
} from '@deskpilot/contracts';

import { confirmAction } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { ErrorState } from '../ui/error-state';
import { describeHttpError } from '../ui/http-error';
import { LoadingState } from '../ui/loading-state';
import { PagePaginator } from '../ui/page-paginator';
import { RemoteData } from '../ui/remote-data';
import { StatusBadge } from '../ui/status-badge';
import { BotApi } from './bot-api';
import { SettingsDraft } from './settings-draft';
import {
  MAX_FALLBACK_MODELS,
  fallbackModelsValidator,
  fieldLabel,
  formatValue,
  modelIdValidator,
  splitModels,
} from './settings-fields';

const HISTORY_PAGE_SIZE = 10;

/** Edit the current settings, save them as a new version, compare versions and roll back. */
@Component({
  selector: 'dp-settings-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    PagePaginator,
    MatSelectModule,
    MatTableModule,
    EmptyState,
    ErrorState,
    LoadingState,
    StatusBadge,
  ],
  templateUrl: './settings-page.html',
  styleUrl: './settings-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingsPage {
  private readonly api = inject(BotApi);
  private readonly draft = inject(SettingsDraft);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  protected readonly maxFallbackModels = MAX_FALLBACK_MODELS;
  protected readonly fieldLabel = fieldLabel;
  protected readonly formatValue = formatValue;
  protected readonly columns = ['version', 'note', 'author', 'createdAt', 'actions'];
  protected readonly current = new RemoteData<BotSettingsVersion>();
  protected readonly history = new RemoteData<BotSettingsHistory>();
  protected readonly diff = new RemoteData<BotSettingsDiff>();
  protected readonly historyPage = signal(1);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | undefined>(undefined);
  protected readonly busyVersion = signal<number | undefined>(undefined);

  protected readonly form = inject(NonNullableFormBuilder).group({
    model: ['', [Validators.required, Validators.maxLength(200), modelIdValidator]],
    fallbackModels: ['', [fallbackModelsValidator]],
    temperature: [0, [Validators.required, Validators.min(0), Validators.max(2)]],
    maxTokens: [
      0,
      [
        Validators.required,
        Validators.min(16),
        Validators.max(16_384),
        Validators.pattern(/^\d+$/),
      ],
    ],
    systemPrompt: ['', [Validators.maxLength(8_000)]],
    passages: [
      0,
      [Validators.required, Validators.min(1), Validators.max(20), Validators.pattern(/^\d+$/)],
    ],
    denseWeight: [0, [Validators.required, Validators.min(0), Validators.max(1)]],
    translateQuestions: [true],
    rewriteFollowUps: [true],
    note: ['', [Validators.maxLength(500)]],
  });
  protected readonly compare = inject(NonNullableFormBuilder).group({
    from: [0],
    to: [0],
  });

  /** Every version to compare: the ones on the current history page plus the defaults. */
  protected readonly versionChoices = computed(() => {
    const items = this.history.value()?.items ?? [];
    return [...items.map((item) => item.version), 0];
  });

  constructor() {
    const subscription = this.form.valueChanges.subscribe(() => {
      if (this.form.dirty && this.form.valid) {
        this.draft.keep(this.values());
      }
    });
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
    });
    this.loadCurrent();
    this.loadHistory();
  }

  /** Loads the current version into the form, or the unsaved edits when there are some. */
  protected loadCurrent(): void {
    this.current.load(
      this.api.current().pipe(
        tap((version) => {
          const kept = this.draft.settings();
          this.fill(kept ?? version.settings);
          if (kept !== undefined) {
            this.form.markAsDirty();
          }
        }),
      ),
    );
  }

  /** The first time, also compares the newest version with the one before it. */
  protected loadHistory(): void {
    this.history.load(
      this.api.versions(this.historyPage(), HISTORY_PAGE_SIZE).pipe(
        tap((page) => {
          const [newest, previous] = page.items;
          if (newest !== undefined && this.diff.value() === undefined && page.page === 1) {
            this.compare.setValue({ from: previous?.version ?? 0, to: newest.version });
            this.showDiff();
          }
        }),
      ),
    );
  }

  protected changeHistoryPage(page: number): void {
    this.historyPage.set(page);
    this.loadHistory();
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.saveError.set(undefined);
    this.api.save({ ...this.values(), note: this.form.controls.note.value }).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.afterChange(saved, `Saved as version ${saved.version}`);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(describeHttpError(error, 'The settings could not be saved.'));
      },
    });
  }

  /** Back to the current version's values, dropping the edits. */
  protected discard(): void {
    this.draft.discard();
    this.saveError.set(undefined);
    const current = this.current.value();
    if (current !== undefined) {
      this.fill(current.settings);
    }
  }

  protected tryInPlayground(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.draft.keep(this.values());
    void this.router.navigate(['/bot/playground'], { queryParams: { a: 'draft' } });
  }

  protected compareWith(version: number): void {
    this.compare.setValue({ from: version, to: this.current.value()?.version ?? version });
    this.showDiff();
  }

  protected showDiff(): void {
    const { from, to } = this.compare.getRawValue();
    this.diff.load(this.api.diff(from, to));
  }

  protected rollback(version: BotSettingsVersion): void {
    const current = this.current.value()?.version;
    confirmAction(this.dialog, {
      title: `Roll back to version ${version.version}?`,
      message: `Its settings become version ${(current ?? 0) + 1} and are used for the next answer. The history keeps every version.`,
      confirmLabel: 'Roll back',
      destructive: true,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busyVersion.set(version.version);
          return this.api.rollback(version.version);
        }),
      )
      .subscribe({
        next: (saved) => {
          this.busyVersion.set(undefined);
          this.afterChange(
            saved,
            `Version ${version.version} restored as version ${saved.version}`,
          );
        },
        error: (error: unknown) => {
          this.busyVersion.set(undefined);
          this.snackBar.open(describeHttpError(error, 'The rollback failed.'), 'OK');
        },
      });
  }

  protected authorOf(version: BotSettingsVersion): string {
    return version.author?.email ?? (version.version === 0 ? 'Built-in defaults' : 'Removed user');
  }

  private afterChange(saved: BotSettingsVersion, message: string): void {
    this.draft.discard();
    this.current.set(saved);
    this.fill(saved.settings);
    this.historyPage.set(1);
    this.loadHistory();
    this.compare.setValue({ from: saved.version - 1, to: saved.version });
    this.showDiff();
    this.snackBar.open(message, 'OK', { duration: 5000 });
  }

  private fill(settings: BotSettingsValues): void {
    this.form.reset({
      model: settings.model,
      fallbackModels: settings.fallbackModels.join(', '),
      temperature: settings.temperature,
      maxTokens: settings.maxTokens,
      systemPrompt: settings.systemPrompt,
      passages: settings.passages,
      denseWeight: settings.denseWeight,
      translateQuestions: settings.translateQuestions,
      rewriteFollowUps: settings.rewriteFollowUps,
      note: '',
    });
  }

  private values(): BotSettingsValues {
    const value = this.form.getRawValue();
    return {
      model: value.model.trim(),
      fallbackModels: splitModels(value.fallbackModels),
      temperature: value.temperature,
      maxTokens: value.maxTokens,
      systemPrompt: value.systemPrompt,
      passages: value.passages,
      denseWeight: value.denseWeight,
      translateQuestions: value.translateQuestions,
      rewriteFollowUps: value.rewriteFollowUps,
    };
  }
}
