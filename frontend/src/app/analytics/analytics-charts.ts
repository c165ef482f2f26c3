import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ChartConfiguration, ChartData, ChartOptions } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';

import type { AnalyticsReport } from '@deskpilot/contracts';

import { formatCost, formatMs, formatPercent } from './formatting';

const COLOURS = {
  primary: '#3f51b5',
  secondary: '#00897b',
  tertiary: '#f4a300',
  quaternary: '#8e24aa',
  up: '#2e7d32',
  down: '#c62828',
};

interface ChartCard {
  readonly id: string;
  readonly title: string;
  /** One sentence for screen readers: what the chart shows over the range. */
  readonly summary: string;
  readonly config: ChartConfiguration;
}

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

  protected readonly charts = computed<ChartCard[]>(() => {
    const report = this.report();
    const labels = report.series.map((point) => label(point.start, report));
    const series = report.series;
    const { interactions, drafts } = report.totals;
    return [
      {
        id: 'volume',
        title: 'Interactions',
        summary: `${interactions.interactions} in the range: ${interactions.chat} chat, ${interactions.drafts} drafts, ${interactions.playground} playground, ${interactions.failed} failed.`,
        config: bar(labels, true, [
          ['Chat', series.map((p) => p.interactions.chat), COLOURS.primary],
          ['Ticket drafts', series.map((p) => p.interactions.drafts), COLOURS.secondary],
          ['Playground', series.map((p) => p.interactions.playground), COLOURS.tertiary],
        ]),
      },
      {
        id: 'latency',
        title: 'Latency (ms)',
        summary: `First token p50 ${formatMs(interactions.firstTokenMsP50)}, p95 ${formatMs(interactions.firstTokenMsP95)}; whole answer p50 ${formatMs(interactions.totalMsP50)}, p95 ${formatMs(interactions.totalMsP95)}.`,
        config: line(labels, [
          ['First token p50', series.map((p) => p.interactions.firstTokenMsP50), COLOURS.primary],
          [
            'First token p95',
            series.map((p) => p.interactions.firstTokenMsP95),
            COLOURS.quaternary,
          ],
          ['Total p50', series.map((p) => p.interactions.totalMsP50), COLOURS.secondary],
          ['Total p95', series.map((p) => p.interactions.totalMsP95), COLOURS.tertiary],
        ]),
      },
      {
        id: 'usage',
        title: 'Tokens and cost',
        summary: `${interactions.promptTokens} prompt and ${interactions.completionTokens} completion tokens, ${formatCost(interactions.costUsd)}.`,
        config: usage(
          labels,
          series.map((p) => p.interactions.promptTokens),
          series.map((p) => p.interactions.completionTokens),
          series.map((p) => p.interactions.costUsd),
        ),
      },
      {
        id: 'feedback',
        title: 'Feedback',
        summary: `${interactions.feedbackUp} helpful, ${interactions.feedbackDown} not helpful.`,
        config: bar(labels, false, [
          ['Helpful', series.map((p) => p.interactions.feedbackUp), COLOURS.up],
          ['Not helpful', series.map((p) => p.interactions.feedbackDown), COLOURS.down],
        ]),
      },
      {
        id: 'drafts',
        title: 'Ticket drafts',
        summary: `${drafts.created} drafted, ${drafts.approved} approved (${drafts.sent} sent), ${drafts.rejected} rejected.`,
        config: bar(labels, false, [
          ['Drafted', series.map((p) => p.drafts.created), COLOURS.primary],
          ['Approved', series.map((p) => p.drafts.approved), COLOURS.up],
          ['Rejected', series.map((p) => p.drafts.rejected), COLOURS.down],
        ]),
      },
      {
        id: 'acceptance',
        title: 'Draft acceptance and edits (%)',
        summary: `Accepted ${formatPercent(drafts.acceptanceRate)}, edited before sending ${formatPercent(drafts.editRate)}, text changed on average ${formatPercent(drafts.meanEditRatio)}.`,
        config: line(labels, [
          ['Acceptance rate', series.map((p) => percent(p.drafts.acceptanceRate)), COLOURS.up],
          ['Edit rate', series.map((p) => percent(p.drafts.editRate)), COLOURS.tertiary],
          ['Text changed', series.map((p) => percent(p.drafts.meanEditRatio)), COLOURS.quaternary],
        ]),
      },
    ];
  });
}

function label(start: string, report: AnalyticsReport): string {
  const date = new Date(start);
  const options: Intl.DateTimeFormatOptions =
    report.bucket === 'hour'
      ? { hour: '2-digit', minute: '2-digit', timeZone: report.timeZone }
      : { month: 'short', day: 'numeric', timeZone: report.timeZone };
  return new Intl.DateTimeFormat(undefined, options).format(date);
}

function percent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1_000) / 10;
}

const BASE_OPTIONS: ChartOptions = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
};

type Series = readonly [string, readonly (number | null)[], string];

function bar(labels: string[], stacked: boolean, series: readonly Series[]): ChartConfiguration {
  const data: ChartData<'bar', (number | null)[]> = {
    labels,
    datasets: series.map(([name, values, colour]) => ({
      label: name,
      data: [...values],
      backgroundColor: colour,
    })),
  };
  return {
    type: 'bar',
    data,
    options: {
      ...BASE_OPTIONS,
      scales: {
        x: { stacked },
        y: { stacked, beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  };
}

function line(labels: string[], series: readonly Series[]): ChartConfiguration {
  const data: ChartData<'line', (number | null)[]> = {
    labels,
    datasets: series.map(([name, values, colour]) => ({
      label: name,
      data: [...values],
      borderColor: colour,
      backgroundColor: colour,
      spanGaps: true,
      tension: 0.2,
      pointRadius: 2,
    })),
  };
  return {
    type: 'line',
    data,
    options: { ...BASE_OPTIONS, scales: { y: { beginAtZero: true } } },
  };
}

function usage(
  labels: string[],
  prompt: readonly number[],
  completion: readonly number[],
  cost: readonly number[],
): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: 'Prompt tokens',
          data: [...prompt],
          backgroundColor: COLOURS.primary,
          stack: 'tokens',
          yAxisID: 'tokens',
        },
        {
          label: 'Completion tokens',
          data: [...completion],
          backgroundColor: COLOURS.secondary,
          stack: 'tokens',
          yAxisID: 'tokens',
        },
        {
          type: 'line',
          label: 'Cost (USD)',
          data: [...cost],
          borderColor: COLOURS.tertiary,
          backgroundColor: COLOURS.tertiary,
          yAxisID: 'cost',
          pointRadius: 2,
        },
      ],
    },
    options: {
      ...BASE_OPTIONS,
      scales: {
        tokens: { position: 'left', beginAtZero: true, stacked: true, ticks: { precision: 0 } },
        cost: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } },
      },
    },
  };
}
