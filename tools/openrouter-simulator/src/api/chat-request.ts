import { z } from 'zod';

const message = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(z.looseObject({ type: z.string() })), z.null()]).optional(),
});

/** The fields of `POST /chat/completions` the simulator acts on; others pass through unread. */
export const chatRequestSchema = z.looseObject({
  model: z.string().min(1).optional(),
  models: z.array(z.string().min(1)).optional(),
  messages: z.array(message).min(1, 'messages must contain at least one message'),
  stream: z.boolean().nullish(),
  max_tokens: z.number().int().min(1).nullish(),
  max_completion_tokens: z.number().int().min(1).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  seed: z.number().int().nullish(),
  user: z.string().optional(),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** `max_completion_tokens` wins over the deprecated `max_tokens`. */
export function maxTokensOf(request: ChatRequest): number | undefined {
  return request.max_completion_tokens ?? request.max_tokens ?? undefined;
}

export function stopSequencesOf(request: ChatRequest): string[] {
  const { stop } = request;
  if (stop === undefined || stop === null) {
    return [];
  }
  return (typeof stop === 'string' ? [stop] : stop).filter((sequence) => sequence.length > 0);
}

/** The models to try in order: `model` (or the first of `models`), then the rest of `models`. */
export function candidateModelsOf(request: ChatRequest, defaultModel: string): string[] {
  const fallbacks = request.models ?? [];
  const primary = request.model ?? fallbacks[0] ?? defaultModel;
  return [...new Set([primary, ...fallbacks])];
}
