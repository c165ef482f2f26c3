/** The finish reasons a provider reports natively, next to OpenRouter's normalized ones. */
export interface NativeFinishReasons {
  readonly stop: string;
  readonly stopSequence: string;
  readonly length: string;
}

/** One model the simulator serves. Prices are USD per token, as in OpenRouter's `pricing`. */
export interface ModelSpec {
  readonly id: string;
  readonly name: string;
  readonly kind: 'chat' | 'embedding';
  /** Display name of the provider reported in `provider` / `provider_name`. */
  readonly provider: string;
  readonly contextLength: number;
  /** Chat models: the default maximum output the credit pre-flight assumes without `max_tokens`. */
  readonly maxCompletionTokens: number;
  readonly promptPrice: number;
  readonly completionPrice: number;
  /** Embedding models: vector length when the request names no `dimensions`. */
  readonly dimensions?: number;
  /** Overrides the simulator-wide delay between streamed tokens for this model. */
  readonly tokenDelayMs?: number;
  /** Overrides the simulator-wide pause before the first token for this model. */
  readonly firstTokenDelayMs?: number;
  readonly nativeFinishReasons?: NativeFinishReasons;
  readonly tokenizer?: string;
}

export const OPENAI_FINISH_REASONS: NativeFinishReasons = {
  stop: 'stop',
  stopSequence: 'stop',
  length: 'length',
};
