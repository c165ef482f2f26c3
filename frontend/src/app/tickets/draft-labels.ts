import type { DraftStatus, DraftView } from '@deskpilot/contracts';

import { redactionWarning } from '../ui/redactions';
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

export function confidenceText(confidence: number | null): string {
  return confidence === null ? '—' : `${Math.round(confidence * 100)}%`;
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
    warnings.push(redactionWarning(flags?.redactions ?? []));
  }
  const unsupported = flags?.unsupportedSentences.length ?? 0;
  if (unsupported > 0) {
    warnings.push(
      `${unsupported} sentence${unsupported === 1 ? '' : 's'} not supported by the sources`,
    );
  }
  return warnings;
}
