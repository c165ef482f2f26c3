import type { Embedder, Passage, TermWeights } from '../embedder';
import { hash32 } from './feature-hash';
import type { Feature, TextFeatures } from './text-features';
import { addFieldFeatures, contentStems, emptyFeatures } from './text-features';

/** Settings of `LocalEmbedder`; every one of them is part of its `id`. */
export interface LocalEmbedderOptions {
  /** Vector length. */
  readonly dimension: number;
  /** Weight of adjacent word pairs relative to single words. */
  readonly pairWeight: number;
  /** Weight of character n-grams (typo and inflection tolerance) relative to words. */
  readonly gramWeight: number;
  /** Character n-gram length. */
  readonly gramLength: number;
  /** How much one occurrence in the title or a heading counts, against 1 in the body. */
  readonly contextWeight: number;
  /** BM25 term-frequency saturation. */
  readonly k1: number;
  /** BM25 length normalisation (0: none, 1: full). */
  readonly b: number;
  /** Passage length, in weighted content words, that needs no normalisation. */
  readonly averageLength: number;
}

export const DEFAULT_LOCAL_EMBEDDER_OPTIONS: LocalEmbedderOptions = {
  dimension: 384,
  pairWeight: 0.5,
  gramWeight: 0.25,
  gramLength: 4,
  contextWeight: 2,
  k1: 0.9,
  b: 0.4,
  averageLength: 60,
};

const SEED = { words: 0x9e3779b1, pairs: 0x85ebca77, grams: 0xc2b2ae3d } as const;
const SIGN_SEED = 0x27d4eb2f;

/**
 * A deterministic, offline embedder built like BM25 so that an inner product of a query and a
 * passage vector approximates the BM25 score of the passage:
 *
 * - a passage vector holds the saturated, length-normalised frequency
 *   `tf·(k1+1) / (tf + k1·(1 − b + b·len/averageLength))` of each stemmed word, adjacent word
 *   pair and character n-gram (title and headings count `contextWeight` times), signed-hashed
 *   into `dimension` buckets and not normalised;
 * - a query vector holds each feature once, weighted by the collection weight of its words
 *   (inverse document frequency, given by the caller), and is scaled to unit length.
 *
 * Without collection weights every query term weighs the same.
 */
export class LocalEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  private readonly options: LocalEmbedderOptions;

  constructor(options: Partial<LocalEmbedderOptions> = {}) {
    this.options = { ...DEFAULT_LOCAL_EMBEDDER_OPTIONS, ...options };
    const o = this.options;
    if (!Number.isInteger(o.dimension) || o.dimension < 1) {
      throw new RangeError(`dimension must be a positive integer, got ${o.dimension}`);
    }
    if (!Number.isInteger(o.gramLength) || o.gramLength < 2) {
      throw new RangeError(`gramLength must be an integer of at least 2, got ${o.gramLength}`);
    }
    if (o.averageLength <= 0 || o.k1 <= 0 || o.b < 0 || o.b > 1) {
      throw new RangeError('k1 and averageLength must be positive and b within [0, 1]');
    }
    this.dimension = o.dimension;
    this.id =
      `local:bm25-hash-v2:${o.dimension}:p${o.pairWeight}-g${o.gramWeight}x${o.gramLength}` +
      `-c${o.contextWeight}-k${o.k1}-b${o.b}-l${o.averageLength}`;
  }

  embedDocuments(passages: readonly Passage[]): Promise<Float32Array[]> {
    return Promise.resolve(passages.map((passage) => this.embedPassage(passage)));
  }

  embedQuery(text: string, termWeights?: TermWeights): Promise<Float32Array> {
    return Promise.resolve(this.embedQueryNow(text, termWeights));
  }

  queryTerms(text: string): string[] {
    return [...new Set(contentStems(text).map((word) => word.stem))];
  }

  /** Synchronous `embedDocuments` for one passage. */
  embedPassage(passage: Passage): Float32Array {
    const { contextWeight, gramLength, k1, b, averageLength } = this.options;
    const features = emptyFeatures();
    for (const context of [passage.title ?? '', ...(passage.headings ?? [])]) {
      addFieldFeatures(features, context, contextWeight, gramLength);
    }
    addFieldFeatures(features, passage.text, 1, gramLength);
    const norm = k1 * (1 - b + (b * features.length) / averageLength);
    const saturate = (feature: Feature): number =>
      (feature.count * (k1 + 1)) / (feature.count + norm);
    return this.project(features, saturate, false);
  }

  /** Synchronous `embedQuery`. */
  embedQueryNow(text: string, termWeights?: TermWeights): Float32Array {
    const features = emptyFeatures();
    addFieldFeatures(features, text, 1, this.options.gramLength);
    const weightOf = (feature: Feature): number =>
      feature.count * Math.max(...feature.stems.map((term) => termWeights?.get(term) ?? 1));
    return this.project(features, weightOf, true);
  }

  private project(
    features: TextFeatures,
    valueOf: (feature: Feature) => number,
    unit: boolean,
  ): Float32Array {
    const vector = new Float64Array(this.dimension);
    addGroup(vector, features.words, 1, SEED.words, valueOf);
    addGroup(vector, features.pairs, this.options.pairWeight, SEED.pairs, valueOf);
    addGroup(vector, features.grams, this.options.gramWeight, SEED.grams, valueOf);
    return toFloat32(vector, unit);
  }
}

function addGroup(
  vector: Float64Array,
  features: Map<string, Feature>,
  weight: number,
  seed: number,
  valueOf: (feature: Feature) => number,
): void {
  if (weight === 0) {
    return;
  }
  for (const [key, feature] of features) {
    const bucket = hash32(key, seed) % vector.length;
    const sign = hash32(key, seed ^ SIGN_SEED) & 1 ? 1 : -1;
    vector[bucket] = (vector[bucket] ?? 0) + sign * weight * valueOf(feature);
  }
}

function toFloat32(vector: Float64Array, unit: boolean): Float32Array {
  let scale = 1;
  if (unit) {
    let norm = 0;
    for (const value of vector) {
      norm += value * value;
    }
    scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
  }
  return Float32Array.from(vector, (value) => value * scale);
}
