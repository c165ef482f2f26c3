import type { AnswerFailure, AnswerUsage, PromptMessage } from '@deskpilot/contracts';

export interface GenerationRequest {
  readonly messages: readonly PromptMessage[];
  readonly model: string;
  readonly fallbackModels: readonly string[];
  readonly temperature: number;
  readonly maxTokens: number;
  /** A stable end-user id, which OpenRouter hashes (abuse isolation). */
  readonly user: string | undefined;
}

export interface GenerationResult {
  readonly outcome: 'ok' | 'failed' | 'cancelled';
  /** Everything received, partial when the generation failed or was cancelled. */
  readonly text: string;
  readonly failure: AnswerFailure | undefined;
  readonly usage: AnswerUsage | null;
  /** The model that served it (after `models[]` fallbacks), or the one asked for. */
  readonly model: string;
  readonly generationId: string | null;
  /** Hit `max_tokens`. */
  readonly truncated: boolean;
  readonly attempts: number;
}
