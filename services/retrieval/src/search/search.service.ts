import { Inject, Injectable } from '@nestjs/common';

import type { RpcRequest, SearchHit, SearchResponse, SearchRpc } from '@deskpilot/contracts';
import type { Embedder } from '@deskpilot/embeddings';

import { RETRIEVAL_CONFIG } from '../config/retrieval-config.token';
import type { RetrievalConfig } from '../config/retrieval.config';
import { EMBEDDER } from '../embedding/embedder.provider';
import { VectorIndexService } from '../vector-index/vector-index.service';
import { spreadAcrossDocuments, withDocumentContext } from './document-context';
import { buildLexicalQuery, inverseDocumentFrequency } from './lexical-query';
import type { QueryAnalysis } from './lexical-search.repository';
import { LexicalSearchRepository } from './lexical-search.repository';
import type { Ranked } from './rank-fusion';
import { fuseRankings } from './rank-fusion';

export type SearchCommand = RpcRequest<typeof SearchRpc.Search>;

/**
 * Hybrid search: HNSW dense ranking and PostgreSQL full-text ranking (each passage helped by its
 * document's other matching passages), fused by weighted RRF, then spread across documents.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly lexical: LexicalSearchRepository,
    private readonly vectors: VectorIndexService,
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    @Inject(RETRIEVAL_CONFIG) private readonly config: RetrievalConfig,
  ) {}

  async search(command: SearchCommand): Promise<SearchResponse> {
    const started = performance.now();
    const { query, topK, denseWeight, documentIds } = command;
    const settings = this.config.search;
    const candidates = Math.max(topK * settings.candidatesPerHit, settings.minCandidates);
    const dense = denseWeight > 0;
    // Without the dense ranking the query is neither embedded nor weighed for the embedder.
    const terms = dense ? this.embedder.queryTerms(query) : [];
    const analysis = await this.lexical.analyse(query, terms);
    const lexicalQuery = buildLexicalQuery(
      analysis.lexemes,
      analysis.chunkCount,
      settings.lexicalBudget,
    );
    const [denseRanking, passageRanking] = await Promise.all([
      dense
        ? this.denseRanking(query, terms, analysis, candidates, documentIds)
        : Promise.resolve<Ranked[]>([]),
      lexicalQuery === undefined || denseWeight >= 1
        ? Promise.resolve<Ranked[]>([])
        : this.lexical.search(lexicalQuery, {
            limit: candidates,
            rescore: settings.lexicalRescore,
            averageTokens: analysis.averageTokens,
            documentIds,
          }),
    ]);
    const lexicalRanking = withDocumentContext(passageRanking, settings.documentContext);
    const fused = spreadAcrossDocuments(
      fuseRankings(denseRanking, lexicalRanking, denseWeight, settings.rrfK),
      settings.passagesPerDocument,
    );
    const rows = await this.lexical.fetchHits(fused.slice(0, topK * 2).map((c) => c.id));
    const hits: SearchHit[] = [];
    for (const candidate of fused) {
      const row = rows.get(candidate.id);
      if (row === undefined) {
        continue;
      }
      hits.push({
        chunkId: row.id,
        documentId: row.documentId,
        documentTitle: row.documentTitle,
        documentVersion: row.version,
        headingPath: row.headingPath,
        text: row.text,
        score: candidate.score,
        denseScore: candidate.denseScore,
        lexicalScore: candidate.lexicalScore,
        denseRank: candidate.denseRank,
        lexicalRank: candidate.lexicalRank,
      });
      if (hits.length === topK) {
        break;
      }
    }
    return { hits, embedder: this.embedder.id, tookMs: performance.now() - started };
  }

  /** The query embedded with its terms weighted by idf, searched in the HNSW index. */
  private async denseRanking(
    query: string,
    terms: readonly string[],
    analysis: QueryAnalysis,
    candidates: number,
    documentIds: readonly string[] | undefined,
  ): Promise<Ranked[]> {
    const termWeights = new Map(
      terms.map((term) => [
        term,
        inverseDocumentFrequency(analysis.termFrequencies.get(term) ?? 0, analysis.chunkCount),
      ]),
    );
    const vector = await this.embedder.embedQuery(query, termWeights);
    return this.vectors
      .search(vector, candidates, documentIds)
      .map((hit) => ({ id: hit.chunkId, documentId: hit.documentId, score: hit.score }));
  }
}
