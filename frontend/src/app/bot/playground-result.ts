import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { PlaygroundResult as Result } from '@deskpilot/contracts';

import { SearchCorrections } from '../ui/search-corrections';
import { StatusBadge } from '../ui/status-badge';
import { UnsupportedSentences } from '../ui/unsupported-sentences';

/** One playground answer: what it was built from, the prompt as sent, and the answer. */
@Component({
  selector: 'dp-playground-result',
  imports: [DecimalPipe, PercentPipe, SearchCorrections, StatusBadge, UnsupportedSentences],
  templateUrl: './playground-result.html',
  styleUrl: './playground-result.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlaygroundResult {
  readonly result = input.required<Result>();
  readonly heading = input.required<string>();

  protected readonly failed = computed(() => this.result().final.outcome !== 'ok');
  protected readonly usage = computed(() => this.result().final.usage);
}
