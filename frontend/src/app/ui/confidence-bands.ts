import type { BadgeTone } from './status-badge';

/**
 * How the console groups the confidence of an answer or a draft (the share of its sentences that
 * the passages it cites back): high from `HIGH_CONFIDENCE`, medium from `MEDIUM_CONFIDENCE`, low
 * below. Chat labels, the draft queue and the interaction log use the same bands.
 */
export const HIGH_CONFIDENCE = 0.8;
export const MEDIUM_CONFIDENCE = 0.5;

export type ConfidenceBandValue = 'high' | 'medium' | 'low';

export interface ConfidenceBand {
  readonly value: ConfidenceBandValue;
  /** The band in a word ("High"). */
  readonly short: string;
  /** The band with its bounds ("High (80% and more)"). */
  readonly label: string;
  readonly tone: BadgeTone;
  /** Lowest confidence in the band. */
  readonly min?: number;
  /** Confidence the band stays below (bands meet without overlapping). */
  readonly below?: number;
}

export const CONFIDENCE_BANDS: readonly ConfidenceBand[] = [
  {
    value: 'high',
    short: 'High',
    label: 'High (80% and more)',
    tone: 'success',
    min: HIGH_CONFIDENCE,
  },
  {
    value: 'medium',
    short: 'Medium',
    label: 'Medium (50% to under 80%)',
    tone: 'warning',
    min: MEDIUM_CONFIDENCE,
    below: HIGH_CONFIDENCE,
  },
  {
    value: 'low',
    short: 'Low',
    label: 'Low (under 50%)',
    tone: 'danger',
    below: MEDIUM_CONFIDENCE,
  },
];

export function confidenceBand(confidence: number): ConfidenceBand {
  const value: ConfidenceBandValue =
    confidence >= HIGH_CONFIDENCE ? 'high' : confidence >= MEDIUM_CONFIDENCE ? 'medium' : 'low';
  return CONFIDENCE_BANDS.find((band) => band.value === value) as ConfidenceBand;
}

/** The colour of a confidence; neutral when there is none (an unfinished answer). */
export function confidenceTone(confidence: number | null): BadgeTone {
  return confidence === null ? 'neutral' : confidenceBand(confidence).tone;
}
