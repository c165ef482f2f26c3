import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BaseChartDirective } from 'ng2-charts';

import type { AnalyticsReport } from '@deskpilot/contracts';

import { chartCards } from './chart-cards';

/** The charts of one analytics report: volume, latency, usage and cost, feedback, drafts. */
@Component({
  selector: 'dp-analytics-charts',
  imports: [BaseChartDirective],
  template: `
    <div class="charts">
      @for (chart of charts(); track chart.id) {
        <figure class="chart panel" [attr.data-chart]="chart.id">
          <figcaption class="panel-title">{{ chart.title }}</figcaption>
          <div class="canvas">
            <canvas
              baseChart
              role="img"
              [attr.aria-label]="chart.title + ': ' + chart.summary"
              [type]="chart.config.type"
              [data]="chart.config.data"
              [options]="chart.config.options"
            ></canvas>
          </div>
          <p class="summary">{{ chart.summary }}</p>
        </figure>
      }
    </div>
  `,
  styles: `
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(380px, 1fr));
      gap: 16px;
    }
    .chart {
      margin: 0;
    }
    .canvas {
      position: relative;
      height: 220px;
    }
    .summary {
      margin: 8px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnalyticsCharts {
  readonly report = input.required<AnalyticsReport>();

  protected readonly charts = computed(() => chartCards(this.report()));
}
