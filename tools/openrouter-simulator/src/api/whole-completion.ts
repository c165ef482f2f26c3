import { midstreamError } from '../faults/error-replies';
import type { FaultSpec } from '../faults/fault-spec';
import { pause } from '../http/http-io';
import type { ApiContext } from './api-context';
import { replyJson } from './api-context';
import { completionBody } from './chat-payloads';
import type { CompletionOutcome, CompletionTiming } from './completion-outcome';
import { cancelledOutcome, untilAborted } from './completion-outcome';
import type { CompletionPlan } from './completion-plan';

/**
 * Answers a non-streaming request after the time the whole generation would take. A provider
 * failure after output began still gives HTTP 200, with the error and the partial text embedded.
 * Non-streaming requests are billed in full even when the client gives up.
 */
export async function respondWhole(
  context: ApiContext,
  plan: CompletionPlan,
  fault: FaultSpec | undefined,
  timing: CompletionTiming,
): Promise<CompletionOutcome> {
  const { signal } = context;
  const total = plan.tokens.length;
  if (fault?.kind === 'stall') {
    await untilAborted(signal);
    return { ...cancelledOutcome(total, undefined), completionTokens: total };
  }
  const generationMs = timing.firstTokenDelayMs + timing.tokenDelayMs * total;
  if (generationMs > 0 && !(await pause(generationMs, signal))) {
    return cancelledOutcome(total, undefined);
  }
  const firstTokenAt = Date.now();
  const headers = { 'X-Generation-Id': plan.id };
  const recorded = { generationId: plan.id, model: plan.model.id };
  if (fault?.kind === 'midstream-error') {
    const partial = plan.tokens.slice(0, fault.afterTokens);
    const error = midstreamError(fault.code ?? 502, fault.message);
    const body = completionBody(plan, partial.join(''), partial.length, error);
    replyJson(context, 200, body, headers, recorded);
    return {
      completionTokens: partial.length,
      finishReason: 'error',
      nativeFinishReason: 'error',
      cancelled: false,
      firstTokenAt,
    };
  }
  replyJson(context, 200, completionBody(plan, plan.tokens.join(''), total), headers, recorded);
  return {
    completionTokens: total,
    finishReason: plan.finishReason,
    nativeFinishReason: plan.nativeFinishReason,
    cancelled: false,
    firstTokenAt,
  };
}
