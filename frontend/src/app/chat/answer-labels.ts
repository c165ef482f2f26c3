import type { ChatMessage } from '@deskpilot/contracts';

import { confidenceBand } from '../ui/confidence-bands';
import type { BadgeTone } from '../ui/status-badge';

export interface ConfidenceLabel {
  readonly label: string;
  readonly tone: BadgeTone;
  readonly explanation: string;
}

/** How far the answer's sentences are backed by the passages they cite, in words and colour. */
export function confidenceLabel(confidence: number): ConfidenceLabel {
  const percent = Math.round(confidence * 100);
  switch (confidenceBand(confidence).value) {
    case 'high':
      return {
        label: `High confidence · ${percent}%`,
        tone: 'success',
        explanation: 'Most sentences are backed by the cited passages.',
      };
    case 'medium':
      return {
        label: `Medium confidence · ${percent}%`,
        tone: 'warning',
        explanation: 'Some sentences are not backed by the cited passages; check them.',
      };
    case 'low':
      return {
        label: `Low confidence · ${percent}%`,
        tone: 'danger',
        explanation: 'Little of this answer is backed by the knowledge base; check it before use.',
      };
  }
}

/** "Billing › Refunds" under a citation; empty when the passage has no heading. */
export function headingTrail(headingPath: readonly string[]): string {
  return headingPath.join(' › ');
}

/** An answer that did not finish: its text is partial. */
export function unfinished(message: ChatMessage): boolean {
  return message.status === 'failed' || message.status === 'cancelled';
}
