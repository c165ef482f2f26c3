import { describe, expect, it } from '@jest/globals';

import type { DraftView } from '@deskpilot/contracts';

import { draftWarnings, replyStatusText, waitingText } from './draft-labels';

describe(waitingText.name, () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  const minutesAgo = (minutes: number): string => new Date(now - minutes * 60_000).toISOString();

  it('should say nothing when nobody waits', () => {
    expect(waitingText(null, now)).toBe('—');
  });

  it('should count minutes, then hours, then days', () => {
    expect(
      [0, 45, 60, 185, 1440, 3120].map((minutes) => waitingText(minutesAgo(minutes), now)),
    ).toEqual(['under a minute', '45 min', '1 h', '3 h 5 min', '1 d', '2 d 4 h']);
  });
});

describe(replyStatusText.name, () => {
  it("should name the status a reply set, and nothing for WHMCS's own", () => {
    expect([null, 'Closed', 'On Hold'].map(replyStatusText)).toEqual([
      '',
      'closed the ticket',
      'set the ticket to On Hold',
    ]);
  });
});

describe(draftWarnings.name, () => {
  const draft = (flags: DraftView['flags'], status: DraftView['status'] = 'ready'): DraftView =>
    ({ status, flags }) as DraftView;
  const clean = {
    injectionSuspected: false,
    redactions: [],
    unsupportedSentences: [],
  };

  it('should warn of nothing for a clean draft, or one not judged on its topic', () => {
    expect(draftWarnings(draft({ ...clean, topicCoverage: 0.4 }))).toEqual([]);
    expect(draftWarnings(draft(clean))).toEqual([]);
  });

  it('should warn when the sources say little about what the ticket asks', () => {
    expect(draftWarnings(draft({ ...clean, topicCoverage: 0.2 }))).toEqual([
      'The sources say little about what the ticket asks',
    ]);
  });

  it('should name an uncited article that fits the ticket about as well as the cited ones', () => {
    const leftOut = (lead: number) => ({
      documentId: '00000000-0000-4000-8000-000000000200',
      documentTitle: 'Transferring a domain to us',
      lead,
    });

    expect(draftWarnings(draft({ ...clean, bestLeftOut: leftOut(0.1) }))).toEqual([
      'The draft does not cite “Transferring a domain to us”, which fits the ticket about as well',
    ]);
    expect(draftWarnings(draft({ ...clean, bestLeftOut: leftOut(0.4) }))).toEqual([]);
  });

  it('should count the sentences without support', () => {
    expect(
      draftWarnings(draft({ ...clean, unsupportedSentences: ['We refund twice.'] }, 'stale')),
    ).toEqual([
      'Stale: the ticket moved on since this draft was written',
      '1 sentence not supported by the sources',
    ]);
  });
});
