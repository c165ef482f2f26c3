/** What the simulator remembers of one served generation, for `GET /generation`. */
export interface GenerationRecord {
  readonly id: string;
  readonly model: string;
  readonly provider: string;
  readonly apiType: 'completions' | 'embeddings';
  readonly streamed: boolean;
  readonly cancelled: boolean;
  readonly finishReason: string | null;
  readonly nativeFinishReason: string | null;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly cost: number;
  readonly startedAt: number;
  readonly firstTokenAt: number | undefined;
  readonly finishedAt: number;
  readonly user: string | undefined;
  readonly referer: string | undefined;
}

interface Entry {
  readonly record: GenerationRecord;
  readonly availableAt: number;
}

/** Generation stats, queryable only after a delay, as on OpenRouter. */
export class GenerationStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 10_000) {}

  save(record: GenerationRecord, availableAfterMs: number): void {
    this.entries.set(record.id, { record, availableAt: record.finishedAt + availableAfterMs });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) {
        this.entries.delete(oldest.value);
      }
    }
  }

  /** The record, once its stats are available; undefined while pending or when unknown. */
  lookup(id: string, now = Date.now()): GenerationRecord | undefined {
    const entry = this.entries.get(id);
    return entry && now >= entry.availableAt ? entry.record : undefined;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The `data` object of `GET /generation`, with the fields of OpenRouter's OpenAPI spec. */
export function toGenerationStats(record: GenerationRecord): Record<string, unknown> {
  return {
    id: record.id,
    upstream_id: record.apiType === 'completions' ? `chatcmpl-${record.id.slice(-12)}` : null,
    total_cost: record.cost,
    cache_discount: null,
    upstream_inference_cost: null,
    created_at: new Date(record.startedAt).toISOString(),
    model: record.model,
    app_id: null,
    provider_name: record.provider,
    streamed: record.streamed,
    cancelled: record.cancelled,
    latency: (record.firstTokenAt ?? record.finishedAt) - record.startedAt,
    generation_time: record.finishedAt - record.startedAt,
    moderation_latency: null,
    finish_reason: record.finishReason,
    native_finish_reason: record.nativeFinishReason,
    tokens_prompt: record.promptTokens,
    tokens_completion: record.completionTokens,
    native_tokens_prompt: record.promptTokens,
    native_tokens_completion: record.completionTokens,
    native_tokens_reasoning: 0,
    native_tokens_cached: 0,
    num_media_prompt: null,
    num_search_results: null,
    origin: record.referer ?? '',
    usage: record.cost,
    is_byok: false,
    external_user: record.user ?? null,
    api_type: record.apiType,
    router: null,
  };
}
