import { describe, expect, it } from '@jest/globals';

import type { AnalyticsReport, DraftStats, InteractionStats } from '@deskpilot/contracts';

import { chartCards } from './chart-cards';

const INTERACTIONS: InteractionStats = {
  interactions: 3,
  chat: 2,
  drafts: 1,
  playground: 0,
  failed: 0,
  firstTokenMsP50: 420,
  firstTokenMsP95: 900,
  totalMsP50: 2100,
  totalMsP95: 4000,
  promptTokens: 1200,
  completionTokens: 300,
  costUsd: 0.0021,
  feedbackUp: 1,
  feedbackDown: 0,
};

const DRAFTS: DraftStats = {
  created: 1,
  approved: 1,
  sent: 1,
  rejected: 0,
  acceptanceRate: 1,
  edited: 0,
  editRate: 0,
  meanEditRatio: 0,
};

function report(interactions: InteractionStats | null, drafts: DraftStats | null): AnalyticsReport {
  return {
    from: '2026-12-01T00:00:00.000Z',
    to: '2026-12-03T00:00:00.000Z',
    bucket: 'day',
    timeZone: 'UTC',
    series: ['2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z'].map((start) => ({
      start,
      interactions,
      drafts,
    })),
    totals: { interactions, drafts },
    knowledge:
      interactions === null
        ? null
        : { answers: 0, uncited: 0, offTopic: 0, passedOver: 0, documents: [] },
    unavailable: [
      ...(interactions === null ? [{ part: 'interactions' as const, message: 'llm is down' }] : []),
      ...(drafts === null ? [{ part: 'drafts' as const, message: 'whmcs-sync is down' }] : []),
    ],
  };
}

describe('chartCards', () => {
  it('draws every chart when both halves answered', () => {
    const cards = chartCards(report(INTERACTIONS, DRAFTS));

    expect(cards.map((card) => card.id)).toEqual([
      'volume',
      'latency',
      'usage',
      'feedback',
      'drafts',
      'acceptance',
    ]);
    expect(cards.find((card) => card.id === 'acceptance')?.config.data.datasets[0]?.data).toEqual([
      100, 100,
    ]);
  });

  it('leaves out the draft charts when whmcs-sync did not answer', () => {
    const cards = chartCards(report(INTERACTIONS, null));

    expect(cards.map((card) => card.id)).toEqual(['volume', 'latency', 'usage', 'feedback']);
    expect(cards[0]?.summary).toBe('3 in the range: 2 chat, 1 drafts, 0 playground, 0 failed.');
  });

  it('leaves out the answer charts when llm did not answer', () => {
    const cards = chartCards(report(null, DRAFTS));

    expect(cards.map((card) => card.id)).toEqual(['drafts', 'acceptance']);
  });
});
