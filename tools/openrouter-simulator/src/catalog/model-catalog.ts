import { OPENAI_FINISH_REASONS } from './model-spec';
import type { ModelSpec, NativeFinishReasons } from './model-spec';

/** Output modalities accepted by `GET /models?output_modalities=`. */
export type OutputModality = 'text' | 'embeddings';

/** The models the simulator knows, looked up by OpenRouter id. */
export class ModelCatalog {
  private readonly byId = new Map<string, ModelSpec>();

  constructor(models: readonly ModelSpec[]) {
    for (const model of models) {
      this.byId.set(model.id, model);
    }
  }

  get(id: string): ModelSpec | undefined {
    return this.byId.get(id);
  }

  list(modalities: readonly OutputModality[]): ModelSpec[] {
    return [...this.byId.values()].filter((model) => modalities.includes(outputModalityOf(model)));
  }
}

export function outputModalityOf(model: ModelSpec): OutputModality {
  return model.kind === 'embedding' ? 'embeddings' : 'text';
}

export function nativeFinishReasonsOf(model: ModelSpec): NativeFinishReasons {
  return model.nativeFinishReasons ?? OPENAI_FINISH_REASONS;
}

/** Prices go out as decimal strings (`"0.00000015"`), never in exponent notation. */
export function formatPrice(usdPerToken: number): string {
  if (usdPerToken === 0) {
    return '0';
  }
  return usdPerToken.toFixed(14).replace(/0+$/, '').replace(/\.$/, '');
}

const CREATED = 1_735_689_600;

/** The `Model` object of `GET /models`, with the fields the OpenAPI spec lists. */
export function toWireModel(model: ModelSpec): Record<string, unknown> {
  const output = outputModalityOf(model);
  const chat = model.kind === 'chat';
  return {
    id: model.id,
    canonical_slug: model.id,
    hugging_face_id: null,
    name: model.name,
    created: CREATED,
    description: `${model.name}, served by the Deskpilot OpenRouter simulator.`,
    context_length: model.contextLength,
    architecture: {
      modality: `text->${output}`,
      input_modalities: ['text'],
      output_modalities: [output],
      tokenizer: model.tokenizer ?? 'Other',
      instruct_type: null,
    },
    pricing: {
      prompt: formatPrice(model.promptPrice),
      completion: formatPrice(model.completionPrice),
      request: '0',
      image: '0',
      web_search: '0',
      internal_reasoning: '0',
      input_cache_read: '0',
      input_cache_write: '0',
    },
    top_provider: {
      context_length: model.contextLength,
      max_completion_tokens: chat ? model.maxCompletionTokens : null,
      is_moderated: model.provider === 'OpenAI',
    },
    per_request_limits: null,
    supported_parameters: chat
      ? ['max_tokens', 'temperature', 'top_p', 'stop', 'seed', 'response_format']
      : ['dimensions', 'encoding_format'],
    default_parameters: { temperature: null, top_p: null, frequency_penalty: null },
    expiration_date: null,
    knowledge_cutoff: null,
    links: { details: `/api/v1/models/${model.id}/endpoints` },
  };
}
