import type { AnswerMode } from '../answers/answer-composer';
import type { GroundedAnswerOptions } from '../answers/grounded-answer-generator';
import type { ModelSpec } from '../catalog/model-spec';

/** Behaviour that can change while the simulator runs (control API `PATCH /_sim/settings`). */
export interface SimulatorSettings {
  /** Pause between streamed tokens; 0 streams as fast as the socket takes it. */
  readonly tokenDelayMs: number;
  /** Pause after the status line and processing comments, before the first token. */
  readonly firstTokenDelayMs: number;
  /** How many `: OPENROUTER PROCESSING` comments open every stream. */
  readonly processingComments: number;
  /** How long after a generation ends `GET /generation` starts to find it. */
  readonly generationStatsDelayMs: number;
  readonly answerMode: AnswerMode;
  /** Credit limit of each key in USD, null for none. Requests that cannot be afforded get 402. */
  readonly creditLimit: number | null;
  /**
   * Whether `encoding_format: "base64"` is honoured. When false, float arrays come back anyway,
   * as several OpenRouter providers do (the SDK then decodes them into wrong vectors).
   */
  readonly base64Embeddings: boolean;
}

export const DEFAULT_SETTINGS: SimulatorSettings = {
  tokenDelayMs: 0,
  firstTokenDelayMs: 0,
  processingComments: 2,
  generationStatsDelayMs: 250,
  answerMode: 'grounded',
  creditLimit: null,
  base64Embeddings: true,
};

export const DEFAULT_API_KEY = 'sk-or-v1-deskpilot-simulator-key';
export const DEFAULT_USER_ID = 'user_2deskpilotsimulator000000';

export interface OpenRouterSimulatorOptions extends Partial<SimulatorSettings> {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Keys accepted as `Authorization: Bearer <key>`; the first one is the handle's `apiKey`. */
  readonly apiKeys?: readonly string[];
  /** Replaces the built-in model catalogue. */
  readonly models?: readonly ModelSpec[];
  /** Served when a request names no model. */
  readonly defaultModel?: string;
  /** A global canned answer, given to every chat request that no canned rule matches. */
  readonly cannedAnswer?: string;
  readonly userId?: string;
  readonly maxRecordedRequests?: number;
  /** Drives fault `probability`; inject a seeded one for repeatable runs. */
  readonly random?: () => number;
  readonly groundedAnswer?: Partial<GroundedAnswerOptions>;
}
