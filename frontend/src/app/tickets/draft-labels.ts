import type { DraftStatus, DraftView } from '@deskpilot/contracts';

import type { BadgeTone } from '../ui/status-badge';
import { wordList } from '../ui/word-list';

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
  return confidence === null ? '—' : `${Math.round(confidence * 100)} %`;
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

/* What each kind of redaction hid, as a reviewer reads it. */
const REDACTED: Readonly<Record<string, string>> = {
  'private-key': 'a private key',
  'url-credentials': 'credentials in a link',
  'url-token': 'a token in a link',
  jwt: 'an access token',
  'bearer-token': 'an access token',
  'api-key': 'an API key',
  secret: 'a secret',
  password: 'a password',
  'card-number': 'a card number',
  'card-security-code': 'a card security code',
  email: 'an e-mail address',
};

/**
 * What the model did not see of the ticket ("Hidden from the model: a password and an e-mail
 * address"), so the reviewer knows the draft could not use it.
 */
export function redactionWarning(kinds: readonly string[]): string {
  const hidden = [...new Set(kinds.map((kind) => REDACTED[kind] ?? kind.replaceAll('-', ' ')))];
  return `Hidden from the model: ${hidden.length > 0 ? wordList(hidden) : 'secrets'}`;
}
