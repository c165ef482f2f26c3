import type { DraftStatus, DraftView } from '@deskpilot/contracts';

import type { BadgeTone } from '../ui/status-badge';

export const DRAFT_STATUSES: readonly { value: DraftStatus; label: string; tone: BadgeTone }[] = [
  { value: 'ready', label: 'Ready to review', tone: 'info' },
  { value: 'pending', label: 'Being drafted', tone: 'neutral' },
  { value: 'approved', label: 'Approved', tone: 'success' },
  { value: 'sending', label: 'Sending', tone: 'warning' },
  { value: 'sent', label: 'Sent', tone: 'success' },
  { value: 'rejected', label: 'Rejected', tone: 'neutral' },
  { value: 'stale', label: 'Stale', tone: 'warning' },
  { value: 'failed', label: 'Failed', tone: 'danger' },
];

export function statusLabel(status: DraftStatus): string {
  return DRAFT_STATUSES.find((entry) => entry.value === status)?.label ?? status;
}

export function statusTone(status: DraftStatus): BadgeTone {
  return DRAFT_STATUSES.find((entry) => entry.value === status)?.tone ?? 'neutral';
}

/** Confidence bands a reviewer filters by: each includes its lower bound, not its upper one. */
export const CONFIDENCE_BANDS = [
  { value: 'high', label: 'High (80 % and more)', min: 0.8, below: undefined },
  { value: 'medium', label: 'Medium (50 % to under 80 %)', min: 0.5, below: 0.8 },
  { value: 'low', label: 'Low (under 50 %)', min: 0, below: 0.5 },
] as const;

export function confidenceText(confidence: number | null): string {
  return confidence === null ? '—' : `${Math.round(confidence * 100)} %`;
}

export function confidenceTone(confidence: number | null): BadgeTone {
  if (confidence === null) {
    return 'neutral';
  }
  return confidence >= 0.8 ? 'success' : confidence >= 0.5 ? 'warning' : 'danger';
}

/** The warnings a reviewer must see before sending, in words. */
export function draftWarnings(draft: DraftView): string[] {
  const warnings: string[] = [];
  if (draft.status === 'stale') {
    warnings.push('Stale: the ticket moved on since this draft was written');
  }
  const flags = draft.flags;
  if (flags?.injectionSuspected === true) {
    warnings.push('Prompt injection suspected in the ticket');
  }
  if ((flags?.redactions.length ?? 0) > 0) {
    warnings.push('Secrets were redacted');
  }
  const unsupported = flags?.unsupportedSentences.length ?? 0;
  if (unsupported > 0) {
    warnings.push(
      `${unsupported} sentence${unsupported === 1 ? '' : 's'} not supported by the sources`,
    );
  }
  return warnings;
}
