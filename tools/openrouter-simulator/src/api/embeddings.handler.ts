import { z } from 'zod';

import { formatPrice } from '../catalog/model-catalog';
import { embedText, toBase64 } from '../embeddings/hashed-embedder';
import { badRequest, faultReply, invalidModel, wrongEndpoint } from '../faults/error-replies';
import { faultMatches } from '../faults/fault-plan';
import { isHttpFault } from '../faults/fault-spec';
import type { FaultSpec } from '../faults/fault-spec';
import { pause } from '../http/http-io';
import { countTokens } from '../text/tokenizer';
import type { ApiContext } from './api-context';
import { describeIssues, replyError, replyJson } from './api-context';
import { untilAborted } from './completion-outcome';
import { newGenerationId, unixSeconds } from './ids';

const embeddingsRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([
    z.string().min(1, 'input must not be empty'),
    z.array(z.string().min(1, 'input must not contain empty strings')).min(1),
  ]),
  dimensions: z.number().int().min(1).max(8_192).optional(),
  encoding_format: z.enum(['float', 'base64']).optional(),
  user: z.string().optional(),
});

/** `POST /embeddings`: deterministic vectors, `float` arrays or base64 float32 as asked. */
export async function handleEmbeddings(context: ApiContext): Promise<void> {
  const { state } = context;
  const parsed = embeddingsRequestSchema.safeParse(context.body);
  if (!parsed.success) {
    replyError(
      context,
      badRequest(`Invalid request: ${describeIssues(parsed.error.issues)}`, state.userId),
    );
    return;
  }
  const request = parsed.data;
  const model = state.catalog.get(request.model);
  if (!model) {
    replyError(context, invalidModel(request.model, state.userId));
    return;
  }
  if (model.kind !== 'embedding') {
    const message = `${model.id} is not an embedding model`;
    replyError(context, wrongEndpoint(model.id, 404, message, state.userId));
    return;
  }
  const fault = takeFault(context, model.id);
  if (fault && isHttpFault(fault)) {
    replyError(
      context,
      faultReply(fault, {
        model: model.id,
        provider: model.provider,
        requestedTokens: 0,
        flaggedInput: '',
        userId: state.userId,
      }),
    );
    return;
  }
  if (fault?.kind === 'hang') {
    await untilAborted(context.signal);
    return;
  }
  const delayMs = fault?.kind === 'slow' ? (fault.firstTokenDelayMs ?? fault.tokenDelayMs) : 0;
  if (delayMs > 0 && !(await pause(delayMs, context.signal))) {
    return;
  }
  const inputs = typeof request.input === 'string' ? [request.input] : request.input;
  const dimensions = request.dimensions ?? model.dimensions ?? 1_536;
  const base64 = request.encoding_format === 'base64' && state.settings.base64Embeddings;
  const promptTokens = inputs.reduce((total, input) => total + countTokens(input), 0);
  const cost = Number(formatPrice(promptTokens * model.promptPrice));
  state.ledger.charge(context.apiKey, cost);
  const created = unixSeconds();
  const id = newGenerationId(created);
  replyJson(
    context,
    200,
    {
      id,
      object: 'list',
      data: inputs.map((input, index) => {
        const vector = embedText(input, dimensions);
        return { object: 'embedding', embedding: base64 ? toBase64(vector) : vector, index };
      }),
      model: model.id,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens, cost, is_byok: false },
    },
    { 'X-Generation-Id': id },
    { generationId: id, model: model.id },
  );
}

function takeFault(context: ApiContext, model: string): FaultSpec | undefined {
  const target = { endpoint: 'embeddings', model, apiKey: context.apiKey } as const;
  if (context.requestFault && faultMatches(context.requestFault, target)) {
    return context.requestFault;
  }
  return context.state.faults.take(target);
}
