import { midstreamError } from '../faults/error-replies';
import type { FaultSpec } from '../faults/fault-spec';
import { pause } from '../http/http-io';
import { SseWriter } from '../http/sse-writer';
import type { ApiContext } from './api-context';
import { contentChunk, errorChunk, usageChunk } from './chat-payloads';
import type { CompletionOutcome, CompletionTiming } from './completion-outcome';
import { cancelledOutcome, untilAborted } from './completion-outcome';
import type { CompletionPlan } from './completion-plan';

const PROCESSING = 'OPENROUTER PROCESSING';
/** While the first token is awaited, a processing comment goes out this often. */
const COMMENT_INTERVAL_MS = 1_000;

/**
 * Streams a completion the way OpenRouter does: processing comments, one chunk per token, a chunk
 * with `finish_reason`, a usage-only chunk with empty `choices`, then `[DONE]`. A mid-stream
 * error replaces everything after the failing token with one error event and ends the stream;
 * a lingering stream stays open after `[DONE]` until the client goes away.
 */
export async function streamCompletion(
  context: ApiContext,
  plan: CompletionPlan,
  fault: FaultSpec | undefined,
  timing: CompletionTiming,
): Promise<CompletionOutcome> {
  const { signal } = context;
  const sse = new SseWriter(context.response);
  sse.start({ 'X-Generation-Id': plan.id });
  context.state.recorder.respond(context.seq, {
    status: 200,
    generationId: plan.id,
    model: plan.model.id,
  });
  for (let index = 0; index < timing.processingComments; index += 1) {
    await sse.comment(PROCESSING);
  }
  if (!(await waitWithComments(sse, timing.firstTokenDelayMs, signal))) {
    return cancelledOutcome(0, undefined);
  }
  const breakAt =
    fault?.kind === 'midstream-error' || fault?.kind === 'stall' ? fault.afterTokens : undefined;
  let sent = 0;
  let firstTokenAt: number | undefined;
  for (const token of plan.tokens) {
    if (sent === breakAt) {
      break;
    }
    if (sent > 0 && timing.tokenDelayMs > 0 && !(await pause(timing.tokenDelayMs, signal))) {
      return cancelledOutcome(sent, firstTokenAt);
    }
    if (signal.aborted) {
      return cancelledOutcome(sent, firstTokenAt);
    }
    await sse.data(contentChunk(plan, token));
    sent += 1;
    if (firstTokenAt === undefined) {
      firstTokenAt = Date.now();
      context.state.recorder.firstToken(context.seq, performance.now() - context.arrivedAt);
    }
  }
  if (fault?.kind === 'midstream-error') {
    await sse.data(errorChunk(plan, midstreamError(fault.code ?? 502, fault.message)));
    sse.end();
    return {
      completionTokens: sent,
      finishReason: 'error',
      nativeFinishReason: 'error',
      cancelled: false,
      firstTokenAt,
    };
  }
  if (fault?.kind === 'stall') {
    await untilAborted(signal);
    return cancelledOutcome(sent, firstTokenAt);
  }
  await sse.data(contentChunk(plan, '', plan.finishReason, plan.nativeFinishReason));
  await sse.data(usageChunk(plan, sent));
  await sse.data('[DONE]');
  const cancelled = signal.aborted;
  if (fault?.kind === 'linger') {
    await untilAborted(signal);
  } else {
    sse.end();
  }
  return {
    completionTokens: sent,
    finishReason: plan.finishReason,
    nativeFinishReason: plan.nativeFinishReason,
    cancelled,
    firstTokenAt,
  };
}

async function waitWithComments(sse: SseWriter, ms: number, signal: AbortSignal): Promise<boolean> {
  let remaining = ms;
  while (remaining > 0) {
    const slice = Math.min(remaining, COMMENT_INTERVAL_MS);
    if (!(await pause(slice, signal))) {
      return false;
    }
    remaining -= slice;
    if (remaining > 0) {
      await sse.comment(PROCESSING);
    }
  }
  return !signal.aborted;
}
