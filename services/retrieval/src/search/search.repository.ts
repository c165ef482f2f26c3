import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface HitRow {
  readonly id: string;
  readonly documentId: string;
  readonly version: number;
  readonly documentTitle: string;
  readonly headingPath: string[];
  readonly text: string;
}

/** A query word as PostgreSQL's `english` text search configuration reduces it. */
export interface QueryWord {
  readonly lexeme: string;
  /** Word positions in the query (stop words keep their positions). */
  readonly positions: number[];
}

/** What search reads from the database: the query's lexemes and the hits' texts. */
@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The query's lexemes, made by the same configuration as the chunks' stored `tsvector`s. */
  async queryLexemes(text: string): Promise<QueryWord[]> {
    return this.dataSource.query<QueryWord[]>(
      `SELECT "lexeme", "positions"::int[] AS "positions"
       FROM unnest(to_tsvector('english'::regconfig, $1))`,
      [text],
    );
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
