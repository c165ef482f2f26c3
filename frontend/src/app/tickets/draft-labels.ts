import type { DraftSort, DraftStatus, DraftView } from '@deskpilot/contracts';
import { LOW_TOPIC_COVERAGE, closeLeftOut } from '@deskpilot/contracts';

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

export const DRAFT_SORTS: readonly { value: DraftSort; label: string }[] = [
  { value: 'waiting', label: 'Longest waiting' },
  { value: 'priority', label: 'Most urgent' },
  { value: 'updated', label: 'Latest change' },
];

/** How long the customer has waited, "—" when nobody waits: "45 min", "3 h 5 min", "2 d 4 h". */
export function waitingText(since: string | null, now: number): string {
  if (since === null) {
    return '—';
  }
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  if (minutes < 1) {
    return 'under a minute';
  }
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  }
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

export function priorityTone(priority: string): BadgeTone {
  return priority === 'High' ? 'warning' : 'neutral';
}

export function statusLabel(status: DraftStatus): string {
  return DRAFT_STATUSES.find((entry) => entry.value === status)?.label ?? status;
}

export function statusTone(status: DraftStatus): BadgeTone {
  return DRAFT_STATUSES.find((entry) => entry.value === status)?.tone ?? 'neutral';
}

/** WHMCS's own status after a staff reply, set when the reviewer picks none. */
export const ANSWERED = 'Answered';
/** WHMCS's core status of a closed ticket; every install has it. */
export const CLOSED = 'Closed';

/** What a sent reply did to its ticket's status, for the history; empty when WHMCS set its own. */
export function replyStatusText(status: string | null): string {
  if (status === null) {
    return '';
  }
  return status === CLOSED ? 'closed the ticket' : `set the ticket to ${status}`;
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
  if ((flags?.topicCoverage ?? 1) < LOW_TOPIC_COVERAGE) {
    warnings.push('The sources say little about what the ticket asks');
  }
  const leftOut = closeLeftOut(flags);
  if (leftOut !== undefined) {
    warnings.push(
      `The draft does not cite “${leftOut.documentTitle}”, which fits the ticket about as well`,
    );
  }
  const unsupported = flags?.unsupportedSentences.length ?? 0;
  if (unsupported > 0) {
    warnings.push(
      `${unsupported} sentence${unsupported === 1 ? '' : 's'} not supported by the sources`,
    );
  }
  return warnings;
}
