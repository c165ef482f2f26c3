import type { ModelSpec } from '../catalog/model-spec';
import {
  contextLengthExceeded,
  faultReply,
  insufficientCredits,
  invalidModel,
  wrongEndpoint,
} from '../faults/error-replies';
import type { ErrorReply } from '../faults/error-replies';
import { faultMatches } from '../faults/fault-plan';
import { isAccountFault, isHttpFault } from '../faults/fault-spec';
import type { FaultSpec } from '../faults/fault-spec';
import type { SimulatorState } from '../server/simulator-state';
import type { ChatRequest } from './chat-request';
import { candidateModelsOf, maxTokensOf } from './chat-request';

export type RouteResult =
  | { readonly ok: true; readonly model: ModelSpec; readonly fault: FaultSpec | undefined }
  | { readonly ok: false; readonly reply: ErrorReply };

export interface RouteInput {
  readonly request: ChatRequest;
  readonly apiKey: string;
  readonly promptTokens: number;
  /** The last user message, quoted by moderation errors. */
  readonly flaggedInput: string;
  /** A fault sent with this request (`X-Simulator-Fault`); it hits the first candidate it targets. */
  readonly requestFault?: FaultSpec;
}

/**
 * Picks the model that serves the request. Unknown ids and embedding models are refused up
 * front; then each `models[]` candidate is tried in order, skipping those whose context is too
 * small or that a model-level fault hits. Faults about the account (401, 402) end the request.
 * When every candidate fails, the last failure is returned.
 */
export function routeChat(state: SimulatorState, input: RouteInput): RouteResult {
  const { request } = input;
  const candidates: ModelSpec[] = [];
  for (const id of candidateModelsOf(request, state.defaultModel)) {
    const model = state.catalog.get(id);
    if (!model) {
      return { ok: false, reply: invalidModel(id, state.userId) };
    }
    if (model.kind !== 'chat') {
      const message = `${id} is an embedding model and cannot be used with /chat/completions`;
      return { ok: false, reply: wrongEndpoint(id, 400, message, state.userId) };
    }
    candidates.push(model);
  }
  const maxTokens = maxTokensOf(request);
  const [primary] = candidates;
  const creditFailure = primary && checkCredits(state, input, primary, maxTokens);
  if (creditFailure) {
    return { ok: false, reply: creditFailure };
  }
  let failure: ErrorReply | undefined;
  let requestFault = input.requestFault;
  for (const model of candidates) {
    const outputTokens = maxTokens ?? 0;
    if (input.promptTokens + outputTokens > model.contextLength) {
      failure = contextLengthExceeded(
        model.contextLength,
        input.promptTokens,
        outputTokens,
        state.userId,
      );
      continue;
    }
    const target = { endpoint: 'chat', model: model.id, apiKey: input.apiKey } as const;
    let fault: FaultSpec | undefined;
    if (requestFault && faultMatches(requestFault, target)) {
      fault = requestFault;
      requestFault = undefined;
    } else {
      fault = state.faults.take(target);
    }
    if (fault && isHttpFault(fault)) {
      failure = faultReply(fault, {
        model: model.id,
        provider: model.provider,
        requestedTokens: maxTokens ?? model.maxCompletionTokens,
        flaggedInput: input.flaggedInput,
        userId: state.userId,
      });
      if (isAccountFault(fault)) {
        return { ok: false, reply: failure };
      }
      continue;
    }
    return { ok: true, model, fault };
  }
  return { ok: false, reply: failure ?? invalidModel(state.defaultModel, state.userId) };
}

/** The credit pre-flight: without `max_tokens` it assumes the model's whole default output. */
function checkCredits(
  state: SimulatorState,
  input: RouteInput,
  model: ModelSpec,
  maxTokens: number | undefined,
): ErrorReply | undefined {
  const limit = state.settings.creditLimit;
  if (limit === null) {
    return undefined;
  }
  const requested = maxTokens ?? model.maxCompletionTokens;
  const remaining = limit - state.ledger.usage(input.apiKey);
  const promptCost = input.promptTokens * model.promptPrice;
  if (promptCost + requested * model.completionPrice <= remaining) {
    return undefined;
  }
  const affordable =
    model.completionPrice > 0
      ? Math.max(0, Math.floor((remaining - promptCost) / model.completionPrice))
      : 0;
  return insufficientCredits(requested, affordable, state.userId);
}
