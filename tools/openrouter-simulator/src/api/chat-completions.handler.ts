import type { ModelSpec } from '../catalog/model-spec';
import { badRequest } from '../faults/error-replies';
import type { FaultSpec } from '../faults/fault-spec';
import type { SimulatorState } from '../server/simulator-state';
import { countPromptTokens } from '../text/tokenizer';
import type { ApiContext } from './api-context';
import { describeIssues, headerValue, replyError } from './api-context';
import { costOf } from './chat-payloads';
import { chatRequestSchema } from './chat-request';
import type { ChatRequest } from './chat-request';
import { routeChat } from './chat-routing';
import { streamCompletion } from './chat-streamer';
import type { CompletionOutcome, CompletionTiming } from './completion-outcome';
import { untilAborted } from './completion-outcome';
import { lastUserText, planCompletion, promptTextsOf } from './completion-plan';
import type { CompletionPlan } from './completion-plan';
import { respondWhole } from './whole-completion';

/** `POST /chat/completions`: validate, route (with fallbacks and faults), answer, bill. */
export async function handleChatCompletions(context: ApiContext): Promise<void> {
  const { state } = context;
  const parsed = chatRequestSchema.safeParse(context.body);
  if (!parsed.success) {
    const message = `Invalid request: ${describeIssues(parsed.error.issues)}`;
    replyError(context, badRequest(message, state.userId));
    return;
  }
  const request = parsed.data;
  const promptTokens = countPromptTokens(promptTextsOf(request));
  const route = routeChat(state, {
    request,
    apiKey: context.apiKey,
    promptTokens,
    flaggedInput: lastUserText(request),
    ...(context.requestFault === undefined ? {} : { requestFault: context.requestFault }),
  });
  if (!route.ok) {
    replyError(context, route.reply);
    return;
  }
  const { model, fault } = route;
  if (fault?.kind === 'hang') {
    await untilAborted(context.signal);
    return;
  }
  const plan = planCompletion(state, request, model, promptTokens);
  const timing = timingFor(state, model, fault);
  const outcome =
    request.stream === true
      ? await streamCompletion(context, plan, fault, timing)
      : await respondWhole(context, plan, fault, timing);
  settle(context, request, plan, outcome);
}

function timingFor(
  state: SimulatorState,
  model: ModelSpec,
  fault: FaultSpec | undefined,
): CompletionTiming {
  const { settings } = state;
  if (fault?.kind === 'slow') {
    return {
      tokenDelayMs: fault.tokenDelayMs,
      firstTokenDelayMs: fault.firstTokenDelayMs ?? settings.firstTokenDelayMs,
      processingComments: settings.processingComments,
    };
  }
  return {
    tokenDelayMs: model.tokenDelayMs ?? settings.tokenDelayMs,
    firstTokenDelayMs: model.firstTokenDelayMs ?? settings.firstTokenDelayMs,
    processingComments: settings.processingComments,
  };
}

function settle(
  context: ApiContext,
  request: ChatRequest,
  plan: CompletionPlan,
  outcome: CompletionOutcome,
): void {
  const { state } = context;
  const cost = costOf(plan.model, plan.promptTokens, outcome.completionTokens);
  state.ledger.charge(context.apiKey, cost);
  state.generations.save(
    {
      id: plan.id,
      model: plan.model.id,
      provider: plan.model.provider,
      apiType: 'completions',
      streamed: request.stream === true,
      cancelled: outcome.cancelled,
      finishReason: outcome.finishReason,
      nativeFinishReason: outcome.nativeFinishReason,
      promptTokens: plan.promptTokens,
      completionTokens: outcome.completionTokens,
      cost,
      startedAt: plan.startedAt,
      firstTokenAt: outcome.firstTokenAt,
      finishedAt: Date.now(),
      user: request.user,
      referer: headerValue(context.request.headers['http-referer']),
    },
    state.settings.generationStatsDelayMs,
  );
}
