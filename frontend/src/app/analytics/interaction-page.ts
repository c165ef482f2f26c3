import { DatePipe, DecimalPipe, PercentPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';

import type { InteractionDetail } from '@deskpilot/contracts';

import { ErrorState } from '../ui/error-state';
import { LoadingState } from '../ui/loading-state';
import { PageHeader } from '../ui/page-header';
import { hiddenFromModel } from '../ui/redactions';
import { RemoteData } from '../ui/remote-data';
import { SearchCorrections } from '../ui/search-corrections';
import { StatusBadge } from '../ui/status-badge';
import { UnsupportedSentences } from '../ui/unsupported-sentences';
import { AnalyticsApi } from './analytics-api';
import { KIND_LABELS, OUTCOME_TONES, formatCost, formatMs } from './formatting';

/** One interaction in full: the question and answer, the prompt as sent, passages and usage. */
@Component({
  selector: 'dp-interaction-page',
  imports: [
    DatePipe,
    DecimalPipe,
    PercentPipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatTooltipModule,
    PageHeader,
    ErrorState,
    LoadingState,
    SearchCorrections,
    StatusBadge,
    UnsupportedSentences,
  ],
  templateUrl: './interaction-page.html',
  styleUrl: './interaction-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InteractionPage {
  private readonly api = inject(AnalyticsApi);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly kindLabels = KIND_LABELS;
  protected readonly outcomeTones = OUTCOME_TONES;
  protected readonly formatCost = formatCost;
  protected readonly formatMs = formatMs;
  protected readonly hiddenFromModel = hiddenFromModel;
  protected readonly interaction = new RemoteData<InteractionDetail>();

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.interaction.load(this.api.interaction(id));
      });
    });
  }

  protected reload(): void {
    this.interaction.load(this.api.interaction(this.id()));
  }
}
