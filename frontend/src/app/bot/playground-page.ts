import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Subscription } from 'rxjs';

import type {
  BotSettingsHistory,
  PlaygroundRequest,
  PlaygroundResult as Result,
} from '@deskpilot/contracts';

import { ErrorState } from '../ui/error-state';
import { LoadingState } from '../ui/loading-state';
import { RemoteData } from '../ui/remote-data';
import { BotApi } from './bot-api';
import { PlaygroundResult } from './playground-result';
import { SettingsDraft } from './settings-draft';

const VERSIONS_SHOWN = 50;

/** Ask a question with the current settings, a stored version or the unsaved edits; two side by side. */
@Component({
  selector: 'dp-playground-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ErrorState,
    LoadingState,
    PlaygroundResult,
  ],
  templateUrl: './playground-page.html',
  styleUrl: './playground-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlaygroundPage {
  private readonly api = inject(BotApi);
  private readonly draft = inject(SettingsDraft);

  /** Query parameter: what the left side answers with (`draft` from the settings form). */
  readonly a = input<string>();

  protected readonly versions = new RemoteData<BotSettingsHistory>();
  protected readonly hasDraft = computed(() => this.draft.settings() !== undefined);
  protected readonly sourceOptions = computed(() => [
    { value: 'current', label: 'Current settings', disabled: false },
    { value: 'draft', label: 'Unsaved edits', disabled: !this.hasDraft() },
    ...(this.versions.value()?.items ?? []).map((version) => ({
      value: String(version.version),
      label: `Version ${version.version}${version.note === null ? '' : ` · ${version.note}`}`,
      disabled: false,
    })),
  ]);
  protected readonly left = new RemoteData<Result>();
  protected readonly right = new RemoteData<Result>();
  protected readonly ran = signal<{ left: string; right: string | undefined } | undefined>(
    undefined,
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    query: ['', [Validators.required, Validators.maxLength(8_000)]],
    /** `current`, `draft` or a stored version number as text. */
    left: ['current'],
    sideBySide: [false],
    right: ['current'],
  });

  private readonly sideBySide = signal(false);
  protected readonly comparing = this.sideBySide.asReadonly();

  constructor() {
    const subscription: Subscription = this.form.controls.sideBySide.valueChanges.subscribe(
      (on) => {
        this.sideBySide.set(on);
      },
    );
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
    });
    this.loadVersions();
    queueMicrotask(() => {
      if (this.a() === 'draft' && this.hasDraft()) {
        this.form.controls.left.setValue('draft');
      }
    });
  }

  protected loadVersions(): void {
    this.versions.load(this.api.versions(1, VERSIONS_SHOWN));
  }

  protected run(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { query, left, right, sideBySide } = this.form.getRawValue();
    this.left.load(this.api.playground(this.request(query.trim(), left)));
    if (sideBySide) {
      this.right.load(this.api.playground(this.request(query.trim(), right)));
    }
    this.ran.set({
      left: this.describe(left),
      right: sideBySide ? this.describe(right) : undefined,
    });
  }

  protected describe(source: string): string {
    if (source === 'current') {
      return 'Current settings';
    }
    if (source === 'draft') {
      return 'Unsaved edits';
    }
    return `Version ${source}`;
  }

  private request(query: string, source: string): PlaygroundRequest {
    if (source === 'current') {
      return { query };
    }
    if (source === 'draft') {
      const settings = this.draft.settings();
      return settings === undefined ? { query } : { query, settings };
    }
    return { query, version: Number(source) };
  }
}
