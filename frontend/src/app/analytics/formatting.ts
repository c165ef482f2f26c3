import type { InteractionOutcome, InteractionSummary } from '@deskpilot/contracts';

import type { BadgeTone } from '../ui/status-badge';

export const OUTCOME_TONES: Readonly<Record<InteractionOutcome, BadgeTone>> = {
  ok: 'success',
  pending: 'info',
  failed: 'danger',
  cancelled: 'neutral',
};

export const KIND_LABELS: Readonly<Record<InteractionSummary['kind'], string>> = {
  chat: 'Chat',
  draft: 'Ticket draft',
  playground: 'Playground',
};

/** US dollars with enough digits for the fractions of a cent a single answer costs. */
export function formatCost(usd: number | null): string {
  if (usd === null) {
    return '—';
  }
  return `$${usd.toFixed(usd !== 0 && usd < 0.01 ? 5 : 2)}`;
}

export function formatMs(ms: number | null): string {
  if (ms === null) {
    return '—';
  }
  return ms >= 1_000 ? `${(ms / 1_000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function formatPercent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}
