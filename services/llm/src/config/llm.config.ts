import type { CommonConfig, Environment } from '@deskpilot/config';
import { commonConfig, commonEnvironment, env, readEnvironment } from '@deskpilot/config';

/** OpenRouter ids are `author/slug`, optionally with a variant such as `:free`. */
const MODEL_ID = /^[\w.-]+\/[\w.-]+(?::[\w-]+)?$/;

const llmEnvironment = commonEnvironment.extend({
  PORT: env.port(),
  OPENROUTER_API_KEY: env.string(),
  OPENROUTER_BASE_URL: env.url(['http', 'https']),
  LLM_MODEL: env.string().refine((value) => value === undefined || MODEL_ID.test(value), {
    message: 'must be an OpenRouter model id such as openai/gpt-4o-mini',
  }),
  LLM_APP_URL: env.url(['http', 'https']),
  LLM_APP_TITLE: env.string(),
  LLM_REQUEST_TIMEOUT_MS: env.int(100, 600_000),
  LLM_FIRST_TOKEN_TIMEOUT_MS: env.int(100, 600_000),
  LLM_INACTIVITY_TIMEOUT_MS: env.int(100, 600_000),
  LLM_MAX_RETRIES: env.int(0, 10),
  LLM_MAX_RETRY_WAIT_SECONDS: env.int(0, 600),
  LLM_HISTORY_TOKEN_BUDGET: env.int(0, 100_000),
  LLM_SEARCH_TIMEOUT_MS: env.int(100, 120_000),
  LLM_TOKEN_BATCH_MS: env.int(0, 1_000),
  LLM_LOG_RETENTION_DAYS: env.int(0, 36_500),
});

export interface OpenRouterConfig {
  /** Without a key the offline answerer is used. */
  readonly apiKey: string | undefined;
  readonly baseUrl: string;
  /** The model used until the gateway publishes bot settings. */
  readonly model: string;
  /** Attribution: `HTTP-Referer` and `X-OpenRouter-Title`. */
  readonly appUrl: string;
  readonly appTitle: string;
  /** How long one attempt may wait for response headers. */
  readonly requestTimeoutMs: number;
  /** From the first attempt to the first token, retries included. */
  readonly firstTokenTimeoutMs: number;
  /** Longest silence allowed between two chunks once the answer has started. */
  readonly inactivityTimeoutMs: number;
  /** Retries of 429, 5xx and connection failures before the first token. */
  readonly maxRetries: number;
  /** A longer `Retry-After` fails the answer at once (as rate limited) instead of waiting. */
  readonly maxRetryWaitSeconds: number;
}

export interface LlmConfig {
  readonly common: CommonConfig;
  readonly port: number;
  readonly openRouter: OpenRouterConfig;
  readonly answering: {
    /** Earlier conversation turns kept in the prompt, newest first, up to this many tokens. */
    readonly historyTokenBudget: number;
    readonly searchTimeoutMs: number;
    /** After the first text of an answer, tokens are sent together at most this often (0: each turn). */
    readonly tokenBatchMs: number;
  };
  /**
   * Days the interaction log (and the ticket draft jobs) are kept; older entries are deleted.
   * 0 keeps them all.
   */
  readonly logRetentionDays: number;
}

export function loadLlmConfig(environment: Environment): LlmConfig {
  const vars = readEnvironment(llmEnvironment, environment);
  return {
    common: commonConfig(vars),
    port: vars.PORT ?? 3003,
    openRouter: {
      apiKey: vars.OPENROUTER_API_KEY,
      baseUrl: vars.OPENROUTER_BASE_URL ?? 'https://openrouter.ai/api/v1',
      model: vars.LLM_MODEL ?? 'openai/gpt-4o-mini',
      appUrl: vars.LLM_APP_URL ?? 'https://github.com/deskpilot/deskpilot',
      appTitle: vars.LLM_APP_TITLE ?? 'Deskpilot',
      requestTimeoutMs: vars.LLM_REQUEST_TIMEOUT_MS ?? 30_000,
      firstTokenTimeoutMs: vars.LLM_FIRST_TOKEN_TIMEOUT_MS ?? 45_000,
      inactivityTimeoutMs: vars.LLM_INACTIVITY_TIMEOUT_MS ?? 20_000,
      maxRetries: vars.LLM_MAX_RETRIES ?? 2,
      maxRetryWaitSeconds: vars.LLM_MAX_RETRY_WAIT_SECONDS ?? 10,
    },
    answering: {
      historyTokenBudget: vars.LLM_HISTORY_TOKEN_BUDGET ?? 1_500,
      searchTimeoutMs: vars.LLM_SEARCH_TIMEOUT_MS ?? 10_000,
      tokenBatchMs: vars.LLM_TOKEN_BATCH_MS ?? 40,
    },
    logRetentionDays: vars.LLM_LOG_RETENTION_DAYS ?? 0,
  };
}
