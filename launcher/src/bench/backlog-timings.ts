import type { DraftView } from '@deskpilot/contracts';

export interface BacklogTimings {
  /** The first draft of the backlog recorded as requested (epoch ms). */
  readonly firstRequestAt: number;
  /** The last draft of the backlog requested (epoch ms). */
  readonly lastRequestAt: number;
  /** The last draft of the backlog that became ready (epoch ms). */
  readonly lastReadyAt: number;
}

/**
 * When a backlog's drafts were requested and became ready, from the drafts themselves: a draft
 * is created as pending right before its request is published, and a ready draft's last change
 * is becoming ready.
 */
export function backlogTimings(
  drafts: readonly Pick<DraftView, 'createdAt' | 'updatedAt'>[],
): BacklogTimings {
  if (drafts.length === 0) {
    throw new Error('No drafts to time');
  }
  const requested = drafts.map((draft) => Date.parse(draft.createdAt));
  const ready = drafts.map((draft) => Date.parse(draft.updatedAt));
  return {
    firstRequestAt: Math.min(...requested),
    lastRequestAt: Math.max(...requested),
    lastReadyAt: Math.max(...ready),
  };
}

/** Items per minute over an interval in epoch ms. */
export function perMinute(count: number, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) {
    throw new Error(`Empty interval ${fromMs}..${toMs}`);
  }
  return (count * 60_000) / (toMs - fromMs);
}
