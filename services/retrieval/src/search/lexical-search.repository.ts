import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { LexicalQuery, QueryLexeme } from './lexical-query';
import type { Ranked } from './rank-fusion';

/** The query as the index sees it, with the collection statistics to weigh it. */
export interface QueryAnalysis {
  readonly lexemes: QueryLexeme[];
  /** Live chunks containing each of the given terms. */
  readonly termFrequencies: Map<string, number>;
  readonly chunkCount: number;
  readonly averageTokens: number;
}

export interface LexicalSearchOptions {
  readonly limit: number;
  /** Candidates pre-ranked by plain `ts_rank_cd` that get the full weighted score. */
  readonly rescore: number;
  readonly averageTokens: number;
  readonly documentIds?: readonly string[] | undefined;
}

export interface HitRow {
  readonly id: string;
  readonly documentId: string;
  readonly version: number;
  readonly documentTitle: string;
  readonly headingPath: string[];
  readonly text: string;
}

/* BM25 saturation of the weighted term frequency. */
const K1 = 0.9;
const B = 0.4;
/*
 * ts_rank_cd weights of the {D, C, B, A} labels: body text 0.1, heading path and title 0.2. Ten
 * times the rank of one lexeme is then its frequency with title and headings counted twice.
 */
const LABEL_WEIGHTS = '{0.1,0.1,0.2,0.2}';

/**
 * PostgreSQL full-text search over the live chunks: `english` text search configuration,
 * `ts_rank_cd` per query unit (title and heading path weighted above the body), combined like
 * BM25 with inverse document frequencies from the lexeme statistics.
 */
@Injectable()
export class LexicalSearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async analyse(text: string, terms: readonly string[]): Promise<QueryAnalysis> {
    const rows = await this.dataSource.query<AnalysisRow[]>(
      `WITH "parts" AS (
         SELECT 'lexeme' AS "kind", u."lexeme", u."positions"::int[] AS "positions"
         FROM unnest(to_tsvector('english'::regconfig, $1)) u
         UNION ALL
         SELECT 'term', t, NULL FROM unnest($2::text[]) t
       )
       SELECT p."kind", p."lexeme", p."positions", coalesce(l."df", 0) AS "df",
              s."chunk_count"::int AS "chunk_count", s."token_total"::float8 AS "token_total"
       FROM "retrieval"."corpus_stats" s
       LEFT JOIN "parts" p ON true
       LEFT JOIN "retrieval"."lexemes" l ON l."lexeme" = p."lexeme"`,
      [text, terms],
    );
    const first = rows[0];
    const chunkCount = first?.chunk_count ?? 0;
    const lexemes: QueryLexeme[] = [];
    const termFrequencies = new Map<string, number>();
    for (const row of rows) {
      if (row.kind === 'lexeme' && row.lexeme !== null) {
        lexemes.push({
          lexeme: row.lexeme,
          positions: row.positions ?? [],
          documentFrequency: row.df,
        });
      } else if (row.kind === 'term' && row.lexeme !== null) {
        termFrequencies.set(row.lexeme, row.df);
      }
    }
    return {
      lexemes,
      termFrequencies,
      chunkCount,
      averageTokens: chunkCount > 0 ? (first?.token_total ?? 0) / chunkCount : 1,
    };
  }

  async search(query: LexicalQuery, options: LexicalSearchOptions): Promise<Ranked[]> {
    const params: unknown[] = [
      LABEL_WEIGHTS,
      options.averageTokens,
      query.match,
      options.limit,
      Math.max(options.rescore, options.limit),
    ];
    const ranks: string[] = [];
    const terms: string[] = [];
    query.units.forEach((unit, i) => {
      params.push(unit.tsquery, unit.weight);
      const q = params.length - 1;
      const w = params.length;
      ranks.push(`ts_rank_cd($1::float4[], c."search", $${q}::tsquery, 0) * 10 AS "r${i}"`);
      terms.push(
        `$${w}::float8 * r."r${i}" * ${K1 + 1} / (r."r${i}" + ${K1} * (1 - ${B} + ${B} * c."token_count" / $2::float8))`,
      );
    });
    let filter = '';
    if (options.documentIds !== undefined) {
      params.push(options.documentIds);
      filter = `AND "document_id" = ANY($${params.length}::uuid[])`;
    }
    // The inner query bounds the per-unit ranking work; the outer one scores like BM25.
    const rows = await this.dataSource.query<
      { id: string; document_id: string; score: number | string }[]
    >(
      `SELECT c."id", c."document_id", (${terms.join(' + ')}) AS "score"
       FROM (
         SELECT "id", "document_id", "search", "token_count" FROM "retrieval"."chunks"
         WHERE "live" AND "search" @@ $3::tsquery ${filter}
         ORDER BY ts_rank_cd($1::float4[], "search", $3::tsquery, 0) DESC
         LIMIT $5
       ) c
       CROSS JOIN LATERAL (SELECT ${ranks.join(', ')}) r
       ORDER BY "score" DESC, c."id"
       LIMIT $4`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      documentId: row.document_id,
      score: Number(row.score),
    }));
  }

  /** The live chunks among `ids` (a chunk may have gone since it was ranked). */
  async fetchHits(ids: readonly string[]): Promise<Map<string, HitRow>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await this.dataSource.query<HitDatabaseRow[]>(
      `SELECT "id", "document_id", "version", "document_title", "heading_path", "text"
       FROM "retrieval"."chunks" WHERE "id" = ANY($1::uuid[]) AND "live"`,
      [ids],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          documentId: row.document_id,
          version: row.version,
          documentTitle: row.document_title,
          headingPath: row.heading_path,
          text: row.text,
        },
      ]),
    );
  }
}

interface HitDatabaseRow {
  id: string;
  document_id: string;
  version: number;
  document_title: string;
  heading_path: string[];
  text: string;
}

interface AnalysisRow {
  kind: 'lexeme' | 'term' | null;
  lexeme: string | null;
  positions: number[] | null;
  df: number;
  chunk_count: number;
  token_total: number;
}
