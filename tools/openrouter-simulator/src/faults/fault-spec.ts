export type FaultEndpoint = 'chat' | 'embeddings';

/** Which requests a fault hits, and how many of them. */
export interface FaultTargeting {
  /** Only requests routed to this model. On chat each `models[]` candidate is matched in turn. */
  readonly model?: string;
  /** Only this endpoint; by default every endpoint the kind applies to. */
  readonly endpoint?: FaultEndpoint;
  /** Only requests authenticated with this API key. */
  readonly apiKey?: string;
  /** How many matching requests are hit: 1 by default, or `'always'` (the default with `probability`). */
  readonly times?: number | 'always';
  /** Hit a matching request only with this chance (0–1). */
  readonly probability?: number;
}

export type FaultBehaviour =
  /** 429, with `Retry-After` when given; `upstream` gives the provider-side body instead. */
  | {
      readonly kind: 'rate-limit';
      readonly retryAfterSeconds?: number;
      readonly upstream?: boolean;
    }
  /** 402 "requires more credits, or fewer max_tokens". */
  | { readonly kind: 'insufficient-credits'; readonly affordableTokens?: number }
  /** 401 "User not found." even with a valid key. */
  | { readonly kind: 'invalid-key' }
  /** 403 moderation flag on the input. */
  | { readonly kind: 'moderation'; readonly reasons?: readonly string[] }
  /** 500, 502 (the default), 503, 524 or 529; `retryAfterSeconds` adds `Retry-After`. */
  | {
      readonly kind: 'server-error';
      readonly status?: 500 | 502 | 503 | 524 | 529;
      readonly retryAfterSeconds?: number;
    }
  /** 408 "Operation timed out". */
  | { readonly kind: 'timeout' }
  /** Streams `afterTokens` tokens, then a `data:` event with a top-level `error`, then ends. */
  | {
      readonly kind: 'midstream-error';
      readonly afterTokens: number;
      readonly code?: number;
      readonly message?: string;
    }
  /** Streams `afterTokens` tokens, then sends nothing more until the client goes away. */
  | { readonly kind: 'stall'; readonly afterTokens: number }
  /**
   * Streams the whole answer and `[DONE]`, then keeps the response open until the client goes
   * away, as a proxy that holds on to the connection does. Streams only.
   */
  | { readonly kind: 'linger' }
  /** Never sends a status line or header. */
  | { readonly kind: 'hang' }
  /** Waits `tokenDelayMs` between tokens (and `firstTokenDelayMs` before the first). */
  | { readonly kind: 'slow'; readonly tokenDelayMs: number; readonly firstTokenDelayMs?: number };

export type FaultSpec = FaultTargeting & FaultBehaviour;
export type FaultKind = FaultBehaviour['kind'];

/** Kinds answered with an HTTP error status before any body. */
export type HttpFault = Extract<
  FaultSpec,
  {
    kind:
      | 'rate-limit'
      | 'insufficient-credits'
      | 'invalid-key'
      | 'moderation'
      | 'server-error'
      | 'timeout';
  }
>;

const HTTP_KINDS: ReadonlySet<FaultKind> = new Set([
  'rate-limit',
  'insufficient-credits',
  'invalid-key',
  'moderation',
  'server-error',
  'timeout',
]);

/** Kinds that concern the account, not the model, so a `models[]` fallback cannot help. */
const ACCOUNT_KINDS: ReadonlySet<FaultKind> = new Set(['insufficient-credits', 'invalid-key']);

const EMBEDDING_KINDS: ReadonlySet<FaultKind> = new Set([...HTTP_KINDS, 'hang', 'slow']);

export function isHttpFault(fault: FaultSpec): fault is HttpFault {
  return HTTP_KINDS.has(fault.kind);
}

export function isAccountFault(fault: FaultSpec): boolean {
  return ACCOUNT_KINDS.has(fault.kind);
}

export function appliesToEndpoint(kind: FaultKind, endpoint: FaultEndpoint): boolean {
  return endpoint === 'chat' || EMBEDDING_KINDS.has(kind);
}
