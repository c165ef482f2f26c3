import { Inject, Injectable } from '@nestjs/common';

import type {
  RpcRequest,
  SearchHit,
  SearchResponse,
  SearchRpc,
  SpellingCorrection,
} from '@deskpilot/contracts';
import type { Embedder } from '@deskpilot/embeddings';
import type { TextLanguage } from '@deskpilot/text';
import { detectLanguage } from '@deskpilot/text';

import { RETRIEVAL_CONFIG } from '../config/retrieval-config.token';
import type { RetrievalConfig } from '../config/retrieval.config';
import { EMBEDDER } from '../embedding/embedder.provider';
import { VectorIndexService } from '../vector-index/vector-index.service';
import { spreadAcrossDocuments, withDocumentContext } from './document-context';
import { isEnglishWord } from './english-words';
import { LexicalIndexService } from './lexical-index.service';
import {
  MAX_QUERY_LEXEMES,
  buildLexicalQuery,
  inverseDocumentFrequency,
  withoutQuestionFraming,
} from './lexical-query';
import type { QueryLexeme } from './lexical-query';
import { likelierReading } from './query-language';
import type { Ranked } from './rank-fusion';
import { fuseRankings } from './rank-fusion';
import { cutByRelevance } from './relevance-cut';
import { SearchRepository } from './search.repository';
import type { QueryWord } from './search.repository';
import { wordOf, wordsByLexeme } from './spelling';

export type SearchCommand = RpcRequest<typeof SearchRpc.Search>;

/**
 * Hybrid search: HNSW dense ranking and the in-memory full-text ranking (each passage helped by
 * its document's other matching passages, the query read in its language), fused by weighted
 * RRF, then spread across documents and, when asked, cut by relevance.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly lexical: LexicalIndexService,
    private readonly vectors: VectorIndexService,
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    @Inject(RETRIEVAL_CONFIG) private readonly config: RetrievalConfig,
  ) {}

  async search(command: SearchCommand): Promise<SearchResponse> {
    const started = performance.now();
    const { query, topK, denseWeight, documentIds, relevanceCut } = command;
    const settings = this.config.search;
    const candidates = Math.max(topK * settings.candidatesPerHit, settings.minCandidates);
    // Without the dense ranking the query is not embedded at all; without the lexical one, not
    // analysed.
    // A question shows its language by its function words; bare keywords are read in each
    // language the knowledge base is written in.
    const told = detectLanguage(query);
    const [readings, denseRanking] = await Promise.all([
      denseWeight < 1
        ? this.repository.queryReadings(
            query,
            told === undefined ? this.lexical.languages() : [told],
          )
        : new Map<TextLanguage, never[]>(),
      denseWeight > 0 ? this.denseRanking(query, candidates, documentIds) : [],
    ]);
    const language =
      told ?? likelierReading(readings, (lexeme) => this.lexical.documentFrequency(lexeme) > 0);
    const { lexemes, corrections } = this.queryLexemes(
      readings.get(language) ?? [],
      language,
      settings.correctSpelling,
      query,
    );
    const lexicalQuery = buildLexicalQuery(lexemes, this.lexical.size, settings.lexicalBudget);
    const passageRanking =
      lexicalQuery === undefined
        ? []
        : this.lexical.search(lexicalQuery, {
            limit: candidates,
            rescore: settings.lexicalRescore,
            documentIds,
          });
    const lexicalRanking = withDocumentContext(passageRanking, settings.documentContext);
    const fused = spreadAcrossDocuments(
      fuseRankings(denseRanking, lexicalRanking, denseWeight, settings.rrfK),
      settings.passagesPerDocument,
    );
    const rows = await this.repository.fetchHits(fused.slice(0, topK * 2).map((c) => c.id));
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
    const found = hits.map((hit) => hit.text);
    return {
      hits: cutByRelevance(hits, relevanceCut),
      ...(denseWeight < 1 ? { language } : {}),
      indexLanguages: this.lexical.languagesByChunks(),
      ...(corrections.length === 0
        ? {}
        : {
            corrections: corrections.map(({ typed, read }) => ({
              typed: wordOf(typed, [query]),
              read: wordOf(read, found),
            })),
          }),
      embedder: this.embedder.id,
      tookMs: performance.now() - started,
    };
  }

  /**
   * The query's first lexemes (as many as count, framing words left out) with their frequencies
   * among the live chunks. When `correctSpelling` and the query is read as English, a lexeme no
   * chunk contains becomes the one it most likely misspells (its positions join that lexeme's if
   * the query has it too), so "serch" finds the passages about searching; a lexeme typed as a
   * common English word ("pending", "orange") is no misspelling and stays. A word list tells a
   * typo from a word, and there is only an English one. The corrections are returned as pairs of
   * lexemes.
   */
  private queryLexemes(
    words: readonly QueryWord[],
    language: TextLanguage,
    correctSpelling: boolean,
    query: string,
  ): { lexemes: QueryLexeme[]; corrections: SpellingCorrection[] } {
    const correct = correctSpelling && language === 'english';
    const lexemes = new Map<string, number[]>();
    const corrections: SpellingCorrection[] = [];
    const first = [...withoutQuestionFraming(words, language)]
      .sort((a, b) => (a.positions[0] ?? 0) - (b.positions[0] ?? 0))
      .slice(0, MAX_QUERY_LEXEMES);
    let typed: ReadonlyMap<string, readonly string[]> | undefined;
    const isTypo = (lexeme: string): boolean => {
      typed ??= wordsByLexeme(query);
      return !(typed.get(lexeme) ?? []).some((written) => isEnglishWord(written));
    };
    for (const word of first) {
      const read =
        correct && this.lexical.documentFrequency(word.lexeme) === 0 && isTypo(word.lexeme)
          ? this.lexical.correction(word.lexeme)
          : undefined;
      if (read !== undefined) {
        corrections.push({ typed: word.lexeme, read });
      }
      const lexeme = read ?? word.lexeme;
      lexemes.set(lexeme, [...(lexemes.get(lexeme) ?? []), ...word.positions]);
    }
    return {
      lexemes: [...lexemes].map(([lexeme, positions]) => ({
        lexeme,
        positions: positions.sort((a, b) => a - b),
        documentFrequency: this.lexical.documentFrequency(lexeme),
      })),
      corrections,
    };
  }

  /** The query embedded with its terms weighted by their idf among the live chunks. */
  async queryVector(query: string): Promise<Float32Array> {
    const termWeights = new Map(
      this.embedder
        .queryTerms(query)
        .map((term) => [
          term,
          inverseDocumentFrequency(this.lexical.documentFrequency(term), this.lexical.size),
        ]),
    );
    return this.embedder.embedQuery(query, termWeights);
  }

  private async denseRanking(
    query: string,
    candidates: number,
    documentIds: readonly string[] | undefined,
  ): Promise<Ranked[]> {
    const vector = await this.queryVector(query);
    return this.vectors
      .search(vector, candidates, documentIds)
      .map((hit) => ({ id: hit.chunkId, documentId: hit.documentId, score: hit.score }));
  }
}
