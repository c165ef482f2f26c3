import { join } from 'node:path';

import type { CommonConfig, Environment } from '@deskpilot/config';
import { commonConfig, commonEnvironment, env, readEnvironment } from '@deskpilot/config';
import type { EmbeddingsConfig } from '@deskpilot/embeddings';
import { embeddingsConfig, embeddingsEnvironment } from '@deskpilot/embeddings';

import type { DocumentContext } from '../search/document-context';
import type { HnswSettings } from '../vector-index/hnsw-settings';

const retrievalEnvironment = commonEnvironment.extend(embeddingsEnvironment.shape).extend({
  PORT: env.port(),
  RETRIEVAL_HNSW_M: env.int(4, 64),
  RETRIEVAL_HNSW_EF_CONSTRUCTION: env.int(10, 1_000),
  RETRIEVAL_HNSW_EF_SEARCH: env.int(10, 2_000),
  RETRIEVAL_SNAPSHOT_DIR: env.string(),
  RETRIEVAL_RECONCILE_SECONDS: env.int(0, 86_400),
  RETRIEVAL_RRF_K: env.int(1, 1_000),
  RETRIEVAL_LEXICAL_BUDGET: env.int(100, 100_000_000),
  RETRIEVAL_LEXICAL_RESCORE: env.int(10, 100_000),
  RETRIEVAL_SPELLING: env.bool(),
});

export interface SearchSettings {
  /** Constant of reciprocal rank fusion: larger flattens the difference between ranks. */
  readonly rrfK: number;
  /** Candidates taken from each ranking per requested hit (at least `minCandidates`). */
  readonly candidatesPerHit: number;
  readonly minCandidates: number;
  /** Lexemes that select full-text candidates may together occur in at most this many chunks. */
  readonly lexicalBudget: number;
  /** Full-text candidates, pre-ranked by their count of the match lexemes, that get the full score. */
  readonly lexicalRescore: number;
  /** Query words that no chunk contains are read as the closest word the chunks do contain. */
  readonly correctSpelling: boolean;
  /** What a document's other matching passages add to a passage's full-text score. */
  readonly documentContext: DocumentContext;
  /** Hits per document before any document gets another (the rest follow, in order). */
  readonly passagesPerDocument: number;
}

export interface RetrievalConfig {
  readonly common: CommonConfig;
  readonly port: number;
  readonly embeddings: EmbeddingsConfig;
  readonly hnsw: HnswSettings;
  /** Where the HNSW snapshot of this replica is kept. */
  readonly snapshotDir: string;
  /** How often the index is checked against the table (0: never). */
  readonly reconcileSeconds: number;
  readonly search: SearchSettings;
}

export function loadRetrievalConfig(environment: Environment): RetrievalConfig {
  const vars = readEnvironment(retrievalEnvironment, environment);
  const common = commonConfig(vars);
  return {
    common,
    port: vars.PORT ?? 3002,
    embeddings: embeddingsConfig(vars),
    hnsw: {
      m: vars.RETRIEVAL_HNSW_M ?? 16,
      efConstruction: vars.RETRIEVAL_HNSW_EF_CONSTRUCTION ?? 100,
      efSearch: vars.RETRIEVAL_HNSW_EF_SEARCH ?? 256,
    },
    snapshotDir: vars.RETRIEVAL_SNAPSHOT_DIR ?? join(common.dataDir, 'retrieval-index'),
    reconcileSeconds: vars.RETRIEVAL_RECONCILE_SECONDS ?? 60,
    search: {
      rrfK: vars.RETRIEVAL_RRF_K ?? 60,
      candidatesPerHit: 5,
      minCandidates: 50,
      lexicalBudget: vars.RETRIEVAL_LEXICAL_BUDGET ?? 300,
      lexicalRescore: vars.RETRIEVAL_LEXICAL_RESCORE ?? 300,
      correctSpelling: vars.RETRIEVAL_SPELLING ?? true,
      documentContext: { weight: 0.15, passages: 2 },
      passagesPerDocument: 1,
    },
  };
}
