import type { CommonConfig, Environment, S3Config } from '@deskpilot/config';
import {
  commonConfig,
  commonEnvironment,
  env,
  readEnvironment,
  s3Config,
  s3Environment,
} from '@deskpilot/config';
import type { EmbeddingsConfig } from '@deskpilot/embeddings';
import { embeddingsConfig, embeddingsEnvironment } from '@deskpilot/embeddings';

const ingestEnvironment = commonEnvironment
  .extend(s3Environment.shape)
  .extend(embeddingsEnvironment.shape)
  .extend({
    PORT: env.port(),
    INGEST_MAX_FILE_MB: env.number(0.001, 2_048),
    INGEST_MAX_TEXT_CHARS: env.int(1_000, 500_000_000),
    INGEST_MAX_CHUNKS: env.int(1, 1_000_000),
    INGEST_CHUNK_TOKENS: env.int(32, 8_192),
    INGEST_CHUNK_OVERLAP_TOKENS: env.int(0, 4_096),
    INGEST_EMBED_BATCH: env.int(1, 256),
    INGEST_RESUME_AFTER_SECONDS: env.int(5, 86_400),
  });

export interface ChunkingSettings {
  readonly maxTokens: number;
  readonly overlapTokens: number;
}

export interface IngestLimits {
  readonly maxBytes: number;
  readonly maxChars: number;
  readonly maxChunks: number;
}

export interface IngestConfig {
  readonly common: CommonConfig;
  readonly port: number;
  readonly s3: S3Config;
  readonly embeddings: EmbeddingsConfig;
  readonly limits: IngestLimits;
  readonly chunking: ChunkingSettings;
  /** Chunks embedded and sent to retrieval per message. */
  readonly embedBatch: number;
  /** A document whose processing shows no progress for this long is started again. */
  readonly resumeAfterSeconds: number;
}

export function loadIngestConfig(environment: Environment): IngestConfig {
  const vars = readEnvironment(ingestEnvironment, environment);
  const maxTokens = vars.INGEST_CHUNK_TOKENS ?? 160;
  const overlapTokens = Math.min(vars.INGEST_CHUNK_OVERLAP_TOKENS ?? 24, maxTokens - 1);
  return {
    common: commonConfig(vars),
    port: vars.PORT ?? 3001,
    s3: s3Config(vars),
    embeddings: embeddingsConfig(vars),
    limits: {
      maxBytes: Math.round((vars.INGEST_MAX_FILE_MB ?? 50) * 1_048_576),
      maxChars: vars.INGEST_MAX_TEXT_CHARS ?? 20_000_000,
      maxChunks: vars.INGEST_MAX_CHUNKS ?? 50_000,
    },
    chunking: { maxTokens, overlapTokens },
    embedBatch: vars.INGEST_EMBED_BATCH ?? 32,
    resumeAfterSeconds: vars.INGEST_RESUME_AFTER_SECONDS ?? 120,
  };
}
