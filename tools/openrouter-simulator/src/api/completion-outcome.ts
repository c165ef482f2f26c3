/** How a completion ended, for billing and `GET /generation`. */
export interface CompletionOutcome {
  readonly completionTokens: number;
  readonly finishReason: string | null;
  readonly nativeFinishReason: string | null;
  readonly cancelled: boolean;
  readonly firstTokenAt: number | undefined;
}

export interface CompletionTiming {
  readonly tokenDelayMs: number;
  readonly firstTokenDelayMs: number;
  readonly processingComments: number;
}

export function cancelledOutcome(
  completionTokens: number,
  firstTokenAt: number | undefined,
): CompletionOutcome {
  return {
    completionTokens,
    finishReason: null,
    nativeFinishReason: null,
    cancelled: true,
    firstTokenAt,
  };
}

/** Resolves when the client goes away; stalls and hangs wait on it. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    signal.addEventListener(
      'abort',
      () => {
        resolve();
      },
      { once: true },
    );
  });
}
