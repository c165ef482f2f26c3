import OpenAI, { APIConnectionError, APIError } from 'openai';

import type { Embedder, Passage } from '../embedder';
import { EmbeddingError, passageText } from '../embedder';

export interface OpenAiEmbedderOptions {
  /** Any OpenAI-compatible API root, e.g. `https://openrouter.ai/api/v1`. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model: string;
  /** Expected vector length; also sent as `dimensions` (models that can shorten honour it). */
  readonly dimension: number;
  readonly sendDimensions: boolean;
  /** Texts per request. */
  readonly batchSize: number;
  /** Retries of 408/409/429/5xx and connection errors, with backoff (by the SDK). */
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly headers?: Readonly<Record<string, string>>;
}

const PROBE_TEXT = 'dimension probe';

/**
 * Embeddings from an OpenAI-compatible `/embeddings` endpoint (OpenAI, OpenRouter, a local
 * server): batched, retried with backoff, always asking for `encoding_format: 'float'` (the SDK
 * default, base64, is decoded wrongly by some providers), and every vector's length checked.
 */
export class OpenAiEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAiEmbedderOptions) {
    if (!Number.isInteger(options.batchSize) || options.batchSize < 1) {
      throw new RangeError(`batchSize must be a positive integer, got ${options.batchSize}`);
    }
    this.dimension = options.dimension;
    this.id = `openai:${options.model}:${options.dimension}`;
    this.client = new OpenAI({
      baseURL: options.baseUrl,
      apiKey: options.apiKey,
      maxRetries: options.maxRetries,
      timeout: options.timeoutMs,
      ...(options.headers === undefined ? {} : { defaultHeaders: { ...options.headers } }),
    });
  }

  /**
   * Asks the endpoint once for the length of its vectors, for when the dimension is not
   * configured. The result becomes part of the embedder id.
   */
  static async probeDimension(
    options: Omit<OpenAiEmbedderOptions, 'dimension' | 'sendDimensions'>,
  ): Promise<number> {
    const probe = new OpenAiEmbedder({ ...options, dimension: 1, sendDimensions: false });
    const [vector] = await probe.request([PROBE_TEXT], false);
    if (vector === undefined || vector.length === 0) {
      throw new EmbeddingError(`${options.model} returned no embedding`, false);
    }
    return vector.length;
  }

  async embedDocuments(passages: readonly Passage[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < passages.length; start += this.options.batchSize) {
      const batch = passages.slice(start, start + this.options.batchSize).map(passageText);
      vectors.push(...(await this.embedChecked(batch)));
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [vector] = await this.embedChecked([text]);
    if (vector === undefined) {
      throw new EmbeddingError(`${this.options.model} returned no embedding`, true);
    }
    return vector;
  }

  queryTerms(): string[] {
    return [];
  }

  private async embedChecked(texts: string[]): Promise<Float32Array[]> {
    const vectors = await this.request(texts, this.options.sendDimensions);
    for (const vector of vectors) {
      if (vector.length !== this.dimension) {
        throw new EmbeddingError(
          `${this.options.model} returned ${vector.length}-dimensional vectors, expected ${this.dimension}`,
          false,
        );
      }
    }
    return vectors.map((vector) => normalised(vector));
  }

  private async request(texts: string[], sendDimensions: boolean): Promise<number[][]> {
    // Empty strings are rejected by the API; a space embeds as "nothing".
    const input = texts.map((text) => (text.trim().length === 0 ? ' ' : text));
    try {
      const response = await this.client.embeddings.create({
        model: this.options.model,
        input,
        encoding_format: 'float',
        ...(sendDimensions ? { dimensions: this.dimension } : {}),
      });
      const data = [...response.data].sort((a, b) => a.index - b.index);
      if (data.length !== texts.length) {
        throw new EmbeddingError(
          `${this.options.model} returned ${data.length} embeddings for ${texts.length} texts`,
          true,
        );
      }
      return data.map((item) => asNumbers(item.embedding, this.options.model));
    } catch (error) {
      throw toEmbeddingError(error, this.options.model);
    }
  }
}

function asNumbers(embedding: unknown, model: string): number[] {
  if (!Array.isArray(embedding) || !embedding.every((value) => typeof value === 'number')) {
    throw new EmbeddingError(`${model} did not return float embeddings`, false);
  }
  return embedding;
}

function normalised(vector: number[]): Float32Array {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  const scale = norm === 0 ? 0 : 1 / norm;
  return Float32Array.from(vector, (value) => value * scale);
}

function toEmbeddingError(error: unknown, model: string): EmbeddingError {
  if (error instanceof EmbeddingError) {
    return error;
  }
  if (error instanceof APIConnectionError) {
    return new EmbeddingError(`Embedding service unreachable: ${error.message}`, true, {
      cause: error,
    });
  }
  if (error instanceof APIError) {
    const status: number = typeof error.status === 'number' ? error.status : 0;
    const retryable = status === 0 || status === 408 || status === 429 || status >= 500;
    return new EmbeddingError(
      `Embedding request for ${model} failed: ${error.message}`,
      retryable,
      {
        cause: error,
      },
    );
  }
  return new EmbeddingError(
    `Embedding request for ${model} failed: ${error instanceof Error ? error.message : String(error)}`,
    true,
    { cause: error },
  );
}
