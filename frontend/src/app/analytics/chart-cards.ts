import type { ChartConfiguration, ChartData, ChartOptions } from 'chart.js';

import type { AnalyticsReport, DraftStats, InteractionStats } from '@deskpilot/contracts';

import { formatCost, formatMs, formatPercent } from './formatting';

const COLOURS = {
  primary: '#3f51b5',
  secondary: '#00897b',
  tertiary: '#f4a300',
  quaternary: '#8e24aa',
  up: '#2e7d32',
  down: '#c62828',
};

export interface ChartCard {
  readonly id: string;
  readonly title: string;
  /** One sentence for screen readers: what the chart shows over the range. */
  readonly summary: string;
  readonly config: ChartConfiguration;
}

/** The cards of a report; a half that its service did not answer has none. */
export function chartCards(report: AnalyticsReport): ChartCard[] {
  const labels = report.series.map((point) => label(point.start, report));
  return [
    ...interactionCharts(labels, report.series, report.totals.interactions),
    ...draftCharts(labels, report.series, report.totals.drafts),
  ];
}

type Point = AnalyticsReport['series'][number];

/** Volume, latency, usage and feedback; none when llm did not answer. */
function interactionCharts(
  labels: string[],
  points: readonly Point[],
  interactions: InteractionStats | null,
): ChartCard[] {
  if (interactions === null) {
    return [];
  }
  const series = points.map((point) => point.interactions);
  return [
    {
      id: 'volume',
      title: 'Interactions',
      summary: `${interactions.interactions} in the range: ${interactions.chat} chat, ${interactions.drafts} drafts, ${interactions.playground} playground, ${interactions.failed} failed.`,
      config: bar(labels, true, [
        ['Chat', series.map((p) => p?.chat ?? null), COLOURS.primary],
        ['Ticket drafts', series.map((p) => p?.drafts ?? null), COLOURS.secondary],
        ['Playground', series.map((p) => p?.playground ?? null), COLOURS.tertiary],
      ]),
    },
    {
      id: 'latency',
      title: 'Latency (ms)',
      summary: `First token p50 ${formatMs(interactions.firstTokenMsP50)}, p95 ${formatMs(interactions.firstTokenMsP95)}; whole answer p50 ${formatMs(interactions.totalMsP50)}, p95 ${formatMs(interactions.totalMsP95)}.`,
      config: line(labels, [
        ['First token p50', series.map((p) => p?.firstTokenMsP50 ?? null), COLOURS.primary],
        ['First token p95', series.map((p) => p?.firstTokenMsP95 ?? null), COLOURS.quaternary],
        ['Total p50', series.map((p) => p?.totalMsP50 ?? null), COLOURS.secondary],
        ['Total p95', series.map((p) => p?.totalMsP95 ?? null), COLOURS.tertiary],
      ]),
    },
    {
      id: 'usage',
      title: 'Tokens and cost',
      summary: `${interactions.promptTokens} prompt and ${interactions.completionTokens} completion tokens, ${formatCost(interactions.costUsd)}.`,
      config: usage(
        labels,
        series.map((p) => p?.promptTokens ?? null),
        series.map((p) => p?.completionTokens ?? null),
        series.map((p) => p?.costUsd ?? null),
      ),
    },
    {
      id: 'feedback',
      title: 'Feedback',
      summary: `${interactions.feedbackUp} helpful, ${interactions.feedbackDown} not helpful.`,
      config: bar(labels, false, [
        ['Helpful', series.map((p) => p?.feedbackUp ?? null), COLOURS.up],
        ['Not helpful', series.map((p) => p?.feedbackDown ?? null), COLOURS.down],
      ]),
    },
  ];
}

/** Draft outcomes and edits; none when whmcs-sync did not answer. */
function draftCharts(
  labels: string[],
  points: readonly Point[],
  drafts: DraftStats | null,
): ChartCard[] {
  if (drafts === null) {
    return [];
  }
  const series = points.map((point) => point.drafts);
  return [
    {
      id: 'drafts',
      title: 'Ticket drafts',
      summary: `${drafts.created} drafted, ${drafts.approved} approved (${drafts.sent} sent), ${drafts.rejected} rejected.`,
      config: bar(labels, false, [
        ['Drafted', series.map((p) => p?.created ?? null), COLOURS.primary],
        ['Approved', series.map((p) => p?.approved ?? null), COLOURS.up],
        ['Rejected', series.map((p) => p?.rejected ?? null), COLOURS.down],
      ]),
    },
    {
      id: 'acceptance',
      title: 'Draft acceptance and edits (%)',
      summary: `Accepted ${formatPercent(drafts.acceptanceRate)}, edited before sending ${formatPercent(drafts.editRate)}, text changed on average ${formatPercent(drafts.meanEditRatio)}.`,
      config: line(labels, [
        ['Acceptance rate', series.map((p) => percent(p?.acceptanceRate ?? null)), COLOURS.up],
        ['Edit rate', series.map((p) => percent(p?.editRate ?? null)), COLOURS.tertiary],
        ['Text changed', series.map((p) => percent(p?.meanEditRatio ?? null)), COLOURS.quaternary],
      ]),
    },
  ];
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
  prompt: readonly (number | null)[],
  completion: readonly (number | null)[],
  cost: readonly (number | null)[],
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
