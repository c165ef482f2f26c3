import { messageText } from '../answers/prompt-parser';
import { nativeFinishReasonsOf } from '../catalog/model-catalog';
import type { ModelSpec } from '../catalog/model-spec';
import type { SimulatorState } from '../server/simulator-state';
import { tokenize } from '../text/tokenizer';
import type { ChatRequest } from './chat-request';
import { maxTokensOf, stopSequencesOf } from './chat-request';
import { newGenerationId, unixSeconds } from './ids';

/** Everything decided before the first byte of a completion is sent. */
export interface CompletionPlan {
  readonly id: string;
  readonly created: number;
  readonly startedAt: number;
  readonly model: ModelSpec;
  /** The answer's tokens after `stop` and `max_tokens` have cut it. */
  readonly tokens: readonly string[];
  readonly finishReason: 'stop' | 'length';
  readonly nativeFinishReason: string;
  readonly promptTokens: number;
  readonly citations: readonly number[];
}

export function planCompletion(
  state: SimulatorState,
  request: ChatRequest,
  model: ModelSpec,
  promptTokens: number,
): CompletionPlan {
  const startedAt = Date.now();
  const created = unixSeconds(startedAt);
  const answer = state.composer.compose(
    {
      messages: request.messages,
      model: model.id,
      temperature: request.temperature ?? 1,
      seed: request.seed ?? undefined,
    },
    state.settings.answerMode,
  );
  const natives = nativeFinishReasonsOf(model);
  const stopAt = firstStop(answer.text, stopSequencesOf(request));
  let tokens = tokenize(stopAt === undefined ? answer.text : answer.text.slice(0, stopAt));
  let finishReason: CompletionPlan['finishReason'] = 'stop';
  let nativeFinishReason = stopAt === undefined ? natives.stop : natives.stopSequence;
  const maxTokens = maxTokensOf(request);
  if (maxTokens !== undefined && tokens.length > maxTokens) {
    tokens = tokens.slice(0, maxTokens);
    finishReason = 'length';
    nativeFinishReason = natives.length;
  }
  return {
    id: newGenerationId(created),
    created,
    startedAt,
    model,
    tokens,
    finishReason,
    nativeFinishReason,
    promptTokens,
    citations: answer.citations,
  };
}

function firstStop(text: string, stops: readonly string[]): number | undefined {
  const positions = stops.map((stop) => text.indexOf(stop)).filter((index) => index >= 0);
  return positions.length > 0 ? Math.min(...positions) : undefined;
}

/** The last user message, for moderation errors that quote the flagged input. */
export function lastUserText(request: ChatRequest): string {
  const last = request.messages.filter((message) => message.role === 'user').at(-1);
  return last ? messageText(last.content) : '';
}

export function promptTextsOf(request: ChatRequest): string[] {
  return request.messages.map((message) => messageText(message.content));
}
