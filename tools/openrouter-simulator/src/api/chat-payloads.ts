import type { ModelSpec } from '../catalog/model-spec';
import type { CompletionPlan } from './completion-plan';

/** Rounded so sums of tiny per-token prices do not print as 1.2000000000000002e-7. */
function roundUsd(value: number): number {
  return Math.round(value * 1e12) / 1e12;
}

export function costOf(model: ModelSpec, promptTokens: number, completionTokens: number): number {
  return roundUsd(promptTokens * model.promptPrice + completionTokens * model.completionPrice);
}

/** The `usage` object, always sent by OpenRouter, with `cost` in USD. */
export function usageOf(
  model: ModelSpec,
  promptTokens: number,
  completionTokens: number,
): Record<string, unknown> {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    cost: costOf(model, promptTokens, completionTokens),
    is_byok: false,
    prompt_tokens_details: {
      cached_tokens: 0,
      cache_write_tokens: 0,
      audio_tokens: 0,
      video_tokens: 0,
    },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, image_tokens: 0 },
    cost_details: {
      upstream_inference_cost: null,
      upstream_inference_prompt_cost: roundUsd(promptTokens * model.promptPrice),
      upstream_inference_completions_cost: roundUsd(completionTokens * model.completionPrice),
    },
  };
}

function envelope(plan: CompletionPlan, object: string): Record<string, unknown> {
  return {
    id: plan.id,
    provider: plan.model.provider,
    model: plan.model.id,
    object,
    created: plan.created,
  };
}

export function contentChunk(
  plan: CompletionPlan,
  content: string,
  finishReason: string | null = null,
  nativeFinishReason: string | null = null,
): Record<string, unknown> {
  return {
    ...envelope(plan, 'chat.completion.chunk'),
    choices: [
      {
        index: 0,
        delta: { role: 'assistant', content },
        finish_reason: finishReason,
        native_finish_reason: nativeFinishReason,
        logprobs: null,
      },
    ],
    system_fingerprint: null,
  };
}

export function usageChunk(
  plan: CompletionPlan,
  completionTokens: number,
): Record<string, unknown> {
  return {
    ...envelope(plan, 'chat.completion.chunk'),
    choices: [],
    system_fingerprint: null,
    usage: usageOf(plan.model, plan.promptTokens, completionTokens),
  };
}

/** A mid-stream error event: top-level `error` and a choice with `finish_reason: "error"`. */
export function errorChunk(
  plan: CompletionPlan,
  error: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...envelope(plan, 'chat.completion.chunk'),
    error,
    choices: [
      { index: 0, delta: { content: '' }, finish_reason: 'error', native_finish_reason: 'error' },
    ],
  };
}

/** A non-streaming response; with `error`, the provider failed after output had started. */
export function completionBody(
  plan: CompletionPlan,
  content: string,
  completionTokens: number,
  error?: Record<string, unknown>,
): Record<string, unknown> {
  const choice: Record<string, unknown> = {
    index: 0,
    logprobs: null,
    finish_reason: error ? 'error' : plan.finishReason,
    native_finish_reason: error ? 'error' : plan.nativeFinishReason,
    message: { role: 'assistant', content, refusal: null, reasoning: null },
  };
  if (error) {
    choice['error'] = error;
  }
  return {
    ...envelope(plan, 'chat.completion'),
    choices: [choice],
    system_fingerprint: null,
    usage: usageOf(plan.model, plan.promptTokens, completionTokens),
  };
}
