import type { ChatMessage } from '@deskpilot/contracts';

import { confidenceBand } from '../ui/confidence-bands';
import type { ConfidenceBandValue } from '../ui/confidence-bands';
import type { BadgeTone } from '../ui/status-badge';

export interface ConfidenceLabel {
  readonly label: string;
  readonly tone: BadgeTone;
  readonly explanation: string;
}

/* What each confidence band tells the reader of an answer. */
const EXPLANATIONS: Readonly<Record<ConfidenceBandValue, string>> = {
  high: 'Most sentences are backed by the cited passages.',
  medium: 'Some sentences are not backed by the cited passages; check them.',
  low: 'Little of this answer is backed by the knowledge base; check it before use.',
};

/** How far the answer's sentences are backed by the passages they cite, in words and colour. */
export function confidenceLabel(confidence: number): ConfidenceLabel {
  const band = confidenceBand(confidence);
  return {
    label: `${band.short} confidence · ${Math.round(confidence * 100)}%`,
    tone: band.tone,
    explanation: EXPLANATIONS[band.value],
  };
}

/** "Billing › Refunds" under a citation; empty when the passage has no heading. */
export function headingTrail(headingPath: readonly string[]): string {
  return headingPath.join(' › ');
}

/** An answer that did not finish: its text is partial. */
export function unfinished(message: ChatMessage): boolean {
  return message.status === 'failed' || message.status === 'cancelled';
}
