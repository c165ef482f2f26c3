import { Inject, Injectable } from '@nestjs/common';
import type OpenAI from 'openai';
import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from 'openai/resources';

import type { AnswerFailure, AnswerUsage, PromptMessage } from '@deskpilot/contracts';

import { LLM_CONFIG } from '../config/llm-config.token';
import type { LlmConfig, OpenRouterConfig } from '../config/llm.config';
import { chatChunks } from './chat-chunk-stream';
import type { GenerationRequest, GenerationResult } from './generation';
import { classifyModelError, isRetryableBeforeOutput, watchdogFailure } from './model-failure';
import { OPENROUTER_CLIENT } from './openrouter-client.provider';
import { StreamWatchdog } from './stream-watchdog';

/** The chat request as OpenRouter reads it: `models[]` fallbacks and an explicit `max_tokens`. */
interface OpenRouterStreamParams {
  readonly model: string;
  readonly models?: string[];
  readonly messages: PromptMessage[];
  readonly temperature: number;
  readonly max_tokens: number;
  readonly stream: true;
  readonly user?: string;
}

/** OpenRouter reports cost in the usage-only chunk; the SDK does not type it. */
interface OpenRouterUsage {
  readonly prompt_tokens?: number;
  readonly completion_tokens?: number;
  readonly total_tokens?: number;
  readonly cost?: number;
}

interface Progress {
  text: string;
  model: string;
  generationId: string | null;
  usage: AnswerUsage | null;
  finishReason: string | null;
  attempts: number;
}

/** A stream that ended badly without the SDK throwing. */
class ModelStreamError extends Error {
  constructor(readonly failure: AnswerFailure) {
    super(failure.message);
  }
}

/**
 * Streams an answer from OpenRouter. Before the first token it retries rate limits, 5xx and
 * connection failures (honouring a short `Retry-After`); once text has been shown nothing is
 * retried, and any failure leaves a partial answer that the caller marks failed.
 */
@Injectable()
export class OpenRouterAnswerer {
  private readonly settings: OpenRouterConfig;

  constructor(
    @Inject(OPENROUTER_CLIENT) private readonly client: OpenAI | null,
    @Inject(LLM_CONFIG) config: LlmConfig,
  ) {
    this.settings = config.openRouter;
  }

  get available(): boolean {
    return this.client !== null;
  }

  async generate(
    request: GenerationRequest,
    cancel: AbortSignal,
    onToken: (text: string) => void,
  ): Promise<GenerationResult> {
    const { firstTokenTimeoutMs, inactivityTimeoutMs } = this.settings;
    const watchdog = new StreamWatchdog(firstTokenTimeoutMs, inactivityTimeoutMs);
    const signal = AbortSignal.any([cancel, watchdog.signal]);
    const progress: Progress = {
      text: '',
      model: request.model,
      generationId: null,
      usage: null,
      finishReason: null,
      attempts: 0,
    };
    const startedAt = Date.now();
    watchdog.start();
    try {
      for (;;) {
        progress.attempts += 1;
        try {
          await this.attempt(request, signal, watchdog, progress, onToken);
          return result(progress, 'ok', undefined);
        } catch (error) {
          if (cancel.aborted) {
            return result(progress, 'cancelled', undefined);
          }
          if (watchdog.reason !== undefined) {
            const ms =
              watchdog.reason === 'first_token_timeout' ? firstTokenTimeoutMs : inactivityTimeoutMs;
            return result(progress, 'failed', watchdogFailure(watchdog.reason, ms));
          }
          const failure =
            error instanceof ModelStreamError ? error.failure : classifyModelError(error);
          const next = this.retryDelay(
            failure,
            progress,
            watchdog.remainingBeforeFirstToken(startedAt),
          );
          if (next === 'give_up') {
            return result(progress, 'failed', failure);
          }
          if (next === 'out_of_time') {
            // A request that timed out with no room for another one has used the whole
            // first-token budget, whichever timer happened to fire first.
            return result(
              progress,
              'failed',
              failure.reason === 'connection_error'
                ? watchdogFailure('first_token_timeout', firstTokenTimeoutMs)
                : failure,
            );
          }
          await sleep(next, signal);
        }
      }
    } finally {
      watchdog.stop();
    }
  }

  private async attempt(
    request: GenerationRequest,
    signal: AbortSignal,
    watchdog: StreamWatchdog,
    progress: Progress,
    onToken: (text: string) => void,
  ): Promise<void> {
    if (this.client === null) {
      throw new Error('No OpenRouter API key is configured');
    }
    const params: OpenRouterStreamParams = {
      model: request.model,
      ...(request.fallbackModels.length > 0
        ? { models: [request.model, ...request.fallbackModels] }
        : {}),
      messages: [...request.messages],
      temperature: request.temperature,
      max_tokens: request.maxTokens,
      stream: true,
      ...(request.user === undefined ? {} : { user: request.user }),
    };
    const response = await this.client.chat.completions
      .create(params as unknown as ChatCompletionCreateParamsStreaming, { signal })
      .asResponse();
    for await (const chunk of chatChunks(response)) {
      if (progress.text.length > 0) {
        watchdog.touch();
      }
      this.absorb(chunk, progress, watchdog, onToken);
    }
    if (progress.finishReason === null) {
      throw new ModelStreamError({
        reason: 'connection_error',
        message: 'The model stream ended before the answer was finished',
        retryable: true,
      });
    }
    if (progress.finishReason === 'error') {
      throw new ModelStreamError({
        reason: 'midstream_error',
        message: 'The model reported an error mid-answer',
        retryable: true,
      });
    }
  }

  private absorb(
    chunk: ChatCompletionChunk,
    progress: Progress,
    watchdog: StreamWatchdog,
    onToken: (text: string) => void,
  ): void {
    progress.generationId = chunk.id;
    if (chunk.model) {
      progress.model = chunk.model;
    }
    const usage = chunk.usage as OpenRouterUsage | null | undefined;
    if (usage) {
      const promptTokens = usage.prompt_tokens ?? 0;
      const completionTokens = usage.completion_tokens ?? 0;
      progress.usage = {
        promptTokens,
        completionTokens,
        totalTokens: usage.total_tokens ?? promptTokens + completionTokens,
        costUsd: typeof usage.cost === 'number' ? usage.cost : null,
      };
    }
    // A usage chunk may carry `choices: []` or one empty delta; both are handled here.
    const choice = chunk.choices.at(0);
    const content = choice?.delta.content;
    if (content) {
      if (progress.text.length === 0) {
        watchdog.touch();
      }
      progress.text += content;
      onToken(content);
    }
    if (choice?.finish_reason) {
      progress.finishReason = choice.finish_reason;
    }
  }

  /**
   * How long to wait before another attempt; `give_up` when another attempt cannot help,
   * `out_of_time` when it would not fit before the first-token deadline.
   */
  private retryDelay(
    failure: AnswerFailure,
    progress: Progress,
    remainingMs: number,
  ): number | 'give_up' | 'out_of_time' {
    if (
      progress.text.length > 0 ||
      !isRetryableBeforeOutput(failure) ||
      progress.attempts > this.settings.maxRetries ||
      (failure.retryAfterSeconds ?? 0) > this.settings.maxRetryWaitSeconds
    ) {
      return 'give_up';
    }
    const backoff =
      Math.min(8_000, 500 * 2 ** (progress.attempts - 1)) * (0.75 + Math.random() / 4);
    const waitMs =
      failure.retryAfterSeconds === undefined ? backoff : failure.retryAfterSeconds * 1_000;
    return waitMs >= remainingMs ? 'out_of_time' : waitMs;
  }
}

function result(
  progress: Progress,
  outcome: GenerationResult['outcome'],
  failure: AnswerFailure | undefined,
): GenerationResult {
  return {
    outcome,
    text: progress.text,
    failure,
    usage: progress.usage,
    model: progress.model,
    generationId: progress.generationId,
    truncated: progress.finishReason === 'length',
    attempts: progress.attempts,
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
