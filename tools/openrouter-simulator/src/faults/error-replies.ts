import type { HttpFault } from './fault-spec';

/** An HTTP error as OpenRouter sends it: status equal to `error.code`, JSON body, extra headers. */
export interface ErrorReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Record<string, unknown>;
}

export interface ErrorOptions {
  readonly metadata?: Record<string, unknown>;
  readonly availability?: Record<string, unknown>;
  readonly headers?: Record<string, string>;
  /** Real bodies usually carry the caller's `user_id` next to `error`. */
  readonly userId?: string;
}

export function errorReply(
  status: number,
  message: string,
  options: ErrorOptions = {},
): ErrorReply {
  const error: Record<string, unknown> = { message, code: status };
  if (options.metadata) {
    error['metadata'] = options.metadata;
  }
  if (options.availability) {
    error['availability'] = options.availability;
  }
  const body: Record<string, unknown> = { error };
  if (options.userId !== undefined) {
    body['user_id'] = options.userId;
  }
  return { status, headers: options.headers ?? {}, body };
}

export const noAuthCredentials = (): ErrorReply => errorReply(401, 'No auth credentials found');

export const userNotFound = (): ErrorReply => errorReply(401, 'User not found.');

export function invalidModel(model: string, userId: string): ErrorReply {
  return errorReply(400, `${model} is not a valid model ID`, {
    userId,
    availability: { code: 'model_not_found', retryable: false, requested_models: [model] },
  });
}

export function wrongEndpoint(
  model: string,
  status: number,
  message: string,
  userId: string,
): ErrorReply {
  return errorReply(status, message, {
    userId,
    availability: { code: 'wrong_endpoint', retryable: false, requested_models: [model] },
  });
}

export function badRequest(message: string, userId: string): ErrorReply {
  return errorReply(400, message, { userId, metadata: { error_type: 'invalid_request' } });
}

export function contextLengthExceeded(
  contextLength: number,
  inputTokens: number,
  outputTokens: number,
  userId: string,
): ErrorReply {
  return errorReply(
    400,
    `This endpoint's maximum context length is ${contextLength} tokens. However, you requested ` +
      `about ${inputTokens + outputTokens} tokens (${inputTokens} of text input, ${outputTokens} ` +
      'in the output). Please reduce the length of either one, or use the context-compression ' +
      'plugin to compress your prompt automatically.',
    { userId, metadata: { provider_name: null } },
  );
}

export function insufficientCredits(
  requested: number,
  affordable: number,
  userId: string,
): ErrorReply {
  return errorReply(
    402,
    `This request requires more credits, or fewer max_tokens. You requested up to ${requested} ` +
      `tokens, but can only afford ${affordable}. To increase, visit ` +
      'https://openrouter.ai/settings/credits and add more credits',
    { userId, metadata: { provider_name: null } },
  );
}

/** What a fault reply may mention about the request it refuses. */
export interface FaultContext {
  readonly model: string;
  readonly provider: string;
  /** `max_tokens`, or the model's default maximum output when the request sent none. */
  readonly requestedTokens: number;
  readonly flaggedInput: string;
  readonly userId: string;
}

function retryAfter(seconds: number | undefined): Record<string, string> {
  return seconds === undefined ? {} : { 'Retry-After': String(seconds) };
}

export function faultReply(fault: HttpFault, context: FaultContext): ErrorReply {
  const { userId, model, provider } = context;
  switch (fault.kind) {
    case 'rate-limit':
      return fault.upstream === true
        ? errorReply(429, 'Provider returned error', {
            userId,
            headers: retryAfter(fault.retryAfterSeconds),
            metadata: {
              raw:
                `${model} is temporarily rate-limited upstream. Please retry shortly, or add your ` +
                'own key to accumulate your rate limits: https://openrouter.ai/settings/integrations',
              provider_name: provider,
            },
          })
        : errorReply(429, 'Rate limit exceeded', {
            metadata: { error_type: 'rate_limit_exceeded' },
            headers: {
              'X-RateLimit-Limit': '20',
              'X-RateLimit-Remaining': '0',
              'X-RateLimit-Reset': String(Date.now() + (fault.retryAfterSeconds ?? 10) * 1000),
              ...retryAfter(fault.retryAfterSeconds),
            },
          });
    case 'insufficient-credits':
      return insufficientCredits(
        context.requestedTokens,
        fault.affordableTokens ?? Math.floor(context.requestedTokens / 4),
        userId,
      );
    case 'invalid-key':
      return userNotFound();
    case 'moderation': {
      const reasons = fault.reasons ?? ['harassment'];
      return errorReply(
        403,
        `${model} requires moderation on ${provider}. Your input was flagged for ` +
          `"${reasons.join('", "')}". No credits were charged.`,
        {
          userId,
          metadata: {
            reasons,
            flagged_input: context.flaggedInput.slice(0, 100),
            provider_name: provider,
            model_slug: model,
          },
        },
      );
    }
    case 'server-error':
      return serverError(fault.status ?? 502, fault.retryAfterSeconds, context);
    case 'timeout':
      return errorReply(408, 'Operation timed out. Please try again later.', {
        userId,
        metadata: { error_type: 'timeout' },
      });
  }
}

function serverError(
  status: 500 | 502 | 503 | 524 | 529,
  retryAfterSeconds: number | undefined,
  { userId, model, provider }: FaultContext,
): ErrorReply {
  const headers = retryAfter(retryAfterSeconds);
  switch (status) {
    case 500:
      return errorReply(500, 'Internal Server Error', { userId, headers });
    case 502:
      return errorReply(502, 'Provider returned error', {
        userId,
        headers,
        metadata: {
          raw: 'upstream connect error or disconnect/reset before headers',
          provider_name: provider,
        },
      });
    case 503:
      return errorReply(
        503,
        `No endpoints available for ${model} right now. Please retry shortly.`,
        {
          userId,
          headers,
          availability: {
            code: 'temporarily_unavailable',
            retryable: true,
            retry_after: retryAfterSeconds ?? null,
            requested_models: [model],
          },
        },
      );
    case 524:
      return errorReply(524, 'Provider timed out', {
        userId,
        headers,
        metadata: { error_type: 'timeout' },
      });
    case 529:
      return errorReply(529, 'Provider returned error', {
        userId,
        headers,
        metadata: { raw: 'Overloaded', provider_name: provider, error_type: 'provider_overloaded' },
      });
  }
}

const MIDSTREAM_ERROR_TYPES: Readonly<Record<number, string>> = {
  408: 'timeout',
  429: 'rate_limit_exceeded',
  500: 'server',
  502: 'provider_unavailable',
  503: 'provider_overloaded',
  529: 'provider_overloaded',
};

/** The `error` object of a mid-stream error event. 5xx messages are generic, as on OpenRouter. */
export function midstreamError(code: number, message: string | undefined): Record<string, unknown> {
  const fallback = code >= 500 ? 'Provider returned error' : 'Upstream error';
  return {
    code,
    message: message ?? (code === 429 ? 'Rate limit exceeded' : fallback),
    metadata: { error_type: MIDSTREAM_ERROR_TYPES[code] ?? 'unmapped' },
  };
}
