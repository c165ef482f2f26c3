import type { TextLanguage } from '@deskpilot/text';
import { TEXT_LANGUAGES } from '@deskpilot/text';

import type { LexicalQuery, LexicalUnit } from './lexical-query';
import type { Ranked } from './rank-fusion';
import { SpellingIndex } from './spelling';
import { labelOf, occurrenceWeight, packPosition, positionOf, readTsvector } from './tsvector';

/** A live chunk as the full-text index needs it. */
export interface LexicalChunk {
  readonly id: string;
  readonly documentId: string;
  readonly tokenCount: number;
  /** The text search configuration its `search` was made with. */
  readonly language: TextLanguage;
  /** PostgreSQL's text of the chunk's stored `tsvector` (title A, heading path B, body D). */
  readonly search: string;
}

export interface LexicalSearchOptions {
  readonly limit: number;
  /** Candidates, pre-ranked by their weighted count of the match lexemes, that get the full score. */
  readonly rescore: number;
  readonly documentIds?: readonly string[] | undefined;
}

/* BM25 saturation of the weighted term frequency. */
const K1 = 0.9;
const B = 0.4;
/*
 * A chunk's score is multiplied by the share of the query's lexeme weight it contains, to this
 * power: a passage with every word of the question beats one that repeats its rarest word.
 */
const COVERAGE_EXPONENT = 0.5;
/* Removed chunks stay in the posting lists until this many have gone (or as many as remain). */
const COMPACT_AFTER = 1_024;
const INITIAL_POSTINGS = 4;
/* Sort keys of occurrences: position, then weight label (4 values), then lexeme id (32 bits). */
const LABEL_SPAN = 4;
const ID_SPAN = 2 ** 32;

interface Slot {
  readonly id: string;
  readonly documentId: string;
  readonly tokenCount: number;
  readonly language: TextLanguage;
  /** Where the chunk's occurrences, in position order, are in the occurrence pool. */
  readonly offset: number;
  readonly count: number;
  live: boolean;
}

/** Every chunk's occurrences back to back: lexeme ids and packed positions. */
class OccurrencePool {
  lexemes = new Int32Array(1 << 16);
  positions = new Uint16Array(1 << 16);
  length = 0;

  /** Room for `count` more occurrences; returns where they start. */
  reserve(count: number): number {
    const needed = this.length + count;
    if (needed > this.lexemes.length) {
      const capacity = Math.max(needed, this.lexemes.length * 2);
      const lexemes = new Int32Array(capacity);
      lexemes.set(this.lexemes.subarray(0, this.length));
      this.lexemes = lexemes;
      const positions = new Uint16Array(capacity);
      positions.set(this.positions.subarray(0, this.length));
      this.positions = positions;
    }
    const offset = this.length;
    this.length = needed;
    return offset;
  }
}

/** Chunks containing one lexeme, each with its weighted count of the lexeme. */
class PostingList {
  slots = new Int32Array(INITIAL_POSTINGS);
  weights = new Float32Array(INITIAL_POSTINGS);
  length = 0;
  /** Live chunks in the list. */
  documentFrequency = 0;

  push(slot: number, weight: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const weights = new Float32Array(this.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.slots[this.length] = slot;
    this.weights[this.length] = weight;
    this.length += 1;
  }
}

/**
 * An in-memory full-text index of the live chunks: posting lists per lexeme and each chunk's
 * lexemes in position order, scored like BM25 with title and heading path counted twice,
 * near-adjacent query pairs rewarded and chunks that contain more of the query preferred. It
 * answers from memory what a ranked full-text query would otherwise compute in the database per
 * search.
 */
export class LexicalIndex {
  private readonly lexemeIds = new Map<string, number>();
  private readonly spelling = new SpellingIndex();
  private postings: PostingList[] = [];
  private slots: Slot[] = [];
  private pool = new OccurrencePool();
  private readonly slotOf = new Map<string, number>();
  private readonly slotsOfDocument = new Map<string, Set<number>>();
  private readonly chunksInLanguage = new Map<TextLanguage, number>();
  private tokenTotal = 0;
  private removedSlots = 0;
  private scratch = new Float64Array(1_024);
  /* Weighted count per lexeme id of the chunk being indexed (zero between chunks). */
  private counts = new Float64Array(1_024);

  get size(): number {
    return this.slotOf.size;
  }

  get averageTokens(): number {
    return this.size > 0 ? this.tokenTotal / this.size : 1;
  }

  /** The languages that live chunks are analysed in, in the order of `TEXT_LANGUAGES`. */
  languages(): TextLanguage[] {
    return TEXT_LANGUAGES.filter((language) => this.chunksInLanguage.has(language));
  }

  /** The languages that live chunks are analysed in with their chunks, most chunks first. */
  languagesByChunks(): { language: TextLanguage; chunks: number }[] {
    return [...this.chunksInLanguage]
      .map(([language, chunks]) => ({ language, chunks }))
      .sort((a, b) => b.chunks - a.chunks);
  }

  /** Live chunks containing `lexeme`. */
  documentFrequency(lexeme: string): number {
    const id = this.lexemeIds.get(lexeme);
    return id === undefined ? 0 : (this.postings[id]?.documentFrequency ?? 0);
  }

  /**
   * The lexeme of the live chunks that `lexeme`, which none of them contains, most likely
   * misspells (see `SpellingIndex`), if any.
   */
  correction(lexeme: string): string | undefined {
    return this.spelling.correct(lexeme, (candidate) => this.documentFrequency(candidate));
  }

  has(chunkId: string): boolean {
    return this.slotOf.has(chunkId);
  }

  chunkIds(): IterableIterator<string> {
    return this.slotOf.keys();
  }

  chunkIdsOf(documentId: string): string[] {
    return [...(this.slotsOfDocument.get(documentId) ?? [])].map(
      (slot) => (this.slots[slot] as Slot).id,
    );
  }

  /** Adds chunks not yet present (a present chunk keeps its terms: chunks never change). */
  add(chunks: readonly LexicalChunk[]): void {
    for (const chunk of chunks) {
      if (this.slotOf.has(chunk.id)) {
        continue;
      }
      // Each occurrence as one sortable number: packed position above, lexeme id below.
      let count = 0;
      readTsvector(
        chunk.search,
        (lexeme) => this.lexemeId(lexeme),
        (id, packed) => {
          if (count === this.scratch.length) {
            const grown = new Float64Array(count * 2);
            grown.set(this.scratch);
            this.scratch = grown;
          }
          this.scratch[count] = (positionOf(packed) * LABEL_SPAN + labelOf(packed)) * ID_SPAN + id;
          count += 1;
        },
      );
      const occurrences = this.scratch.subarray(0, count).sort();
      const offset = this.pool.reserve(count);
      for (let i = 0; i < count; i += 1) {
        const key = occurrences[i] as number;
        const packedLabel = Math.floor(key / ID_SPAN);
        this.pool.lexemes[offset + i] = key - packedLabel * ID_SPAN;
        this.pool.positions[offset + i] = packPosition(
          Math.floor(packedLabel / LABEL_SPAN),
          packedLabel % LABEL_SPAN,
        );
      }
      this.slots.push({
        id: chunk.id,
        documentId: chunk.documentId,
        tokenCount: chunk.tokenCount,
        language: chunk.language,
        offset,
        count,
        live: true,
      });
      this.countLanguage(chunk.language, 1);
      this.index(this.slots.length - 1);
    }
  }

  remove(chunkIds: readonly string[]): void {
    for (const chunkId of chunkIds) {
      const index = this.slotOf.get(chunkId);
      if (index === undefined) {
        continue;
      }
      const slot = this.slots[index] as Slot;
      slot.live = false;
      this.slotOf.delete(chunkId);
      const ofDocument = this.slotsOfDocument.get(slot.documentId);
      ofDocument?.delete(index);
      if (ofDocument?.size === 0) {
        this.slotsOfDocument.delete(slot.documentId);
      }
      this.tokenTotal -= slot.tokenCount;
      this.countLanguage(slot.language, -1);
      for (const lexeme of new Set(
        this.pool.lexemes.subarray(slot.offset, slot.offset + slot.count),
      )) {
        (this.postings[lexeme] as PostingList).documentFrequency -= 1;
      }
      this.removedSlots += 1;
    }
    if (this.removedSlots > Math.max(COMPACT_AFTER, this.size)) {
      this.compact();
    }
  }

  removeDocument(documentId: string): void {
    this.remove(this.chunkIdsOf(documentId));
  }

  /**
   * Chunks containing any of the query's match lexemes (within `documentIds` if given), the
   * `rescore` best by their weighted count of those lexemes scored in full, best first; equal
   * scores in chunk id order.
   */
  search(query: LexicalQuery, options: LexicalSearchOptions): Ranked[] {
    const filter = options.documentIds === undefined ? undefined : new Set(options.documentIds);
    const counts = new Map<number, number>();
    for (const lexeme of query.match) {
      const id = this.lexemeIds.get(lexeme);
      const list = id === undefined ? undefined : this.postings[id];
      for (let i = 0; i < (list?.length ?? 0); i += 1) {
        const index = (list as PostingList).slots[i] as number;
        const slot = this.slots[index] as Slot;
        if (slot.live && (filter === undefined || filter.has(slot.documentId))) {
          counts.set(index, (counts.get(index) ?? 0) + ((list as PostingList).weights[i] ?? 0));
        }
      }
    }
    const byScore = (a: { index: number; score: number }, b: { index: number; score: number }) =>
      b.score - a.score || this.compareIds(a.index, b.index);
    const shortlist = [...counts]
      .map(([index, score]) => ({ index, score }))
      .sort(byScore)
      .slice(0, Math.max(options.rescore, options.limit));
    const units = new UnitLookup(query.units, this.lexemeIds);
    const average = this.averageTokens;
    return shortlist
      .map(({ index }) => ({
        index,
        score: this.score(this.slots[index] as Slot, units, average),
      }))
      .sort(byScore)
      .slice(0, options.limit)
      .map(({ index, score }) => {
        const slot = this.slots[index] as Slot;
        return { id: slot.id, documentId: slot.documentId, score };
      });
  }

  private score(slot: Slot, units: UnitLookup, averageTokens: number): number {
    const counts = units.count(this.pool, slot);
    const norm = K1 * (1 - B + (B * slot.tokenCount) / averageTokens);
    let score = 0;
    let covered = 0;
    counts.forEach((count, u) => {
      if (count > 0) {
        const weight = units.weights[u] ?? 0;
        score += (weight * count * (K1 + 1)) / (count + norm);
        covered += units.lexemeWeights[u] ?? 0;
      }
    });
    return units.lexemeWeight > 0
      ? score * (covered / units.lexemeWeight) ** COVERAGE_EXPONENT
      : score;
  }

  private compareIds(a: number, b: number): number {
    const first = (this.slots[a] as Slot).id;
    const second = (this.slots[b] as Slot).id;
    return first < second ? -1 : first > second ? 1 : 0;
  }

  private lexemeId(lexeme: string): number {
    let id = this.lexemeIds.get(lexeme);
    if (id === undefined) {
      id = this.postings.length;
      this.lexemeIds.set(lexeme, id);
      this.postings.push(new PostingList());
      this.spelling.add(lexeme);
    }
    return id;
  }

  /** Adds the chunk in `slots[index]` to the document map, the statistics and the postings. */
  private index(index: number): void {
    const slot = this.slots[index] as Slot;
    this.slotOf.set(slot.id, index);
    const ofDocument = this.slotsOfDocument.get(slot.documentId) ?? new Set<number>();
    ofDocument.add(index);
    this.slotsOfDocument.set(slot.documentId, ofDocument);
    this.tokenTotal += slot.tokenCount;
    if (this.counts.length < this.postings.length) {
      this.counts = new Float64Array(this.postings.length * 2);
    }
    const { lexemes, positions } = this.pool;
    const end = slot.offset + slot.count;
    for (let i = slot.offset; i < end; i += 1) {
      const lexeme = lexemes[i] as number;
      this.counts[lexeme] = (this.counts[lexeme] ?? 0) + occurrenceWeight(positions[i] as number);
    }
    for (let i = slot.offset; i < end; i += 1) {
      const lexeme = lexemes[i] as number;
      const weight = this.counts[lexeme] ?? 0;
      if (weight > 0) {
        const list = this.postings[lexeme] as PostingList;
        list.push(index, weight);
        list.documentFrequency += 1;
        this.counts[lexeme] = 0;
      }
    }
  }

  private countLanguage(language: TextLanguage, change: number): void {
    const count = (this.chunksInLanguage.get(language) ?? 0) + change;
    if (count > 0) {
      this.chunksInLanguage.set(language, count);
    } else {
      this.chunksInLanguage.delete(language);
    }
  }

  /** Drops removed chunks from the slots, the occurrence pool and the posting lists. */
  private compact(): void {
    const live = this.slots.filter((slot) => slot.live);
    const old = this.pool;
    this.pool = new OccurrencePool();
    this.slots = [];
    this.postings = this.postings.map(() => new PostingList());
    this.slotOf.clear();
    this.slotsOfDocument.clear();
    this.tokenTotal = 0;
    this.removedSlots = 0;
    for (const slot of live) {
      const offset = this.pool.reserve(slot.count);
      const end = slot.offset + slot.count;
      this.pool.lexemes.set(old.lexemes.subarray(slot.offset, end), offset);
      this.pool.positions.set(old.positions.subarray(slot.offset, end), offset);
      this.slots.push({ ...slot, offset });
      this.index(this.slots.length - 1);
    }
  }
}

/** The query's units by lexeme id, to count them in one pass over a chunk's occurrences. */
class UnitLookup {
  readonly weights: number[];
  /** Each unit's weight if it is a lexeme, 0 for a pair. */
  readonly lexemeWeights: number[];
  /** The weight of all lexeme units. */
  readonly lexemeWeight: number;
  private readonly lexemeUnits = new Map<number, number[]>();
  private readonly pairUnits = new Map<number, { second: number; unit: number }[]>();

  constructor(units: readonly LexicalUnit[], lexemeIds: ReadonlyMap<string, number>) {
    this.weights = units.map((unit) => unit.weight);
    this.lexemeWeights = units.map((unit) => (unit.kind === 'lexeme' ? unit.weight : 0));
    this.lexemeWeight = this.lexemeWeights.reduce((sum, weight) => sum + weight, 0);
    units.forEach((unit, u) => {
      if (unit.kind === 'lexeme') {
        const id = lexemeIds.get(unit.lexeme);
        if (id !== undefined) {
          this.lexemeUnits.set(id, [...(this.lexemeUnits.get(id) ?? []), u]);
        }
        return;
      }
      const first = lexemeIds.get(unit.first);
      const second = lexemeIds.get(unit.second);
      if (first !== undefined && second !== undefined) {
        this.pairUnits.set(first, [...(this.pairUnits.get(first) ?? []), { second, unit: u }]);
      }
    });
  }

  /**
   * Each unit's weighted count in the chunk. A lexeme counts its occurrences (title and headings
   * twice). A pair counts each occurrence of its first lexeme followed by the second at the next
   * position (in full) or one word later (three quarters), with the harmonic mean of the two
   * occurrences' weights: the cover density a ranked phrase query gives the same text.
   */
  count(pool: OccurrencePool, slot: Slot): Float64Array {
    const counts = new Float64Array(this.weights.length);
    const { lexemes, positions } = pool;
    const end = slot.offset + slot.count;
    for (let i = slot.offset; i < end; i += 1) {
      const lexeme = lexemes[i] as number;
      const packed = positions[i] as number;
      for (const u of this.lexemeUnits.get(lexeme) ?? []) {
        counts[u] = (counts[u] ?? 0) + occurrenceWeight(packed);
      }
      for (const pair of this.pairUnits.get(lexeme) ?? []) {
        const position = positionOf(packed);
        for (let j = i + 1; j < end; j += 1) {
          const distance = positionOf(positions[j] as number) - position;
          if (distance > 2) {
            break;
          }
          if (distance > 0 && lexemes[j] === pair.second) {
            const harmonic =
              2 / (1 / occurrenceWeight(packed) + 1 / occurrenceWeight(positions[j] as number));
            counts[pair.unit] = (counts[pair.unit] ?? 0) + (distance === 1 ? 1 : 0.75) * harmonic;
            break;
          }
        }
      }
    }
    return counts;
  }
}
