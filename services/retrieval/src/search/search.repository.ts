import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { TextLanguage } from '@deskpilot/text';

export interface HitRow {
  readonly id: string;
  readonly documentId: string;
  readonly version: number;
  readonly documentTitle: string;
  readonly headingPath: string[];
  readonly text: string;
}

/** A query word as one of PostgreSQL's text search configurations reduces it. */
export interface QueryWord {
  readonly lexeme: string;
  /** Word positions in the query (stop words keep their positions). */
  readonly positions: number[];
}

/** What search reads from the database: the query's lexemes and the hits' texts. */
@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The query's lexemes as the configuration of each of `languages` reads it, made by the
   * configurations the chunks' stored `tsvector`s are made with.
   */
  async queryReadings(
    text: string,
    languages: readonly TextLanguage[],
  ): Promise<Map<TextLanguage, QueryWord[]>> {
    const rows = await this.dataSource.query<(QueryWord & { language: TextLanguage })[]>(
      `SELECT "reading"."language", "word"."lexeme", "word"."positions"::int[] AS "positions"
       FROM unnest($2::text[]) AS "reading"("language")
       CROSS JOIN LATERAL unnest(to_tsvector("reading"."language"::regconfig, $1)) AS "word"`,
      [text, languages],
    );
    const readings = new Map<TextLanguage, QueryWord[]>(
      languages.map((language) => [language, []]),
    );
    for (const { language, lexeme, positions } of rows) {
      readings.get(language)?.push({ lexeme, positions });
    }
    return readings;
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
