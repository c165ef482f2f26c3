import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A corpus document: one manual section. */
export interface EvalDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

/** A question to retrieve documents for. */
export interface EvalQuery {
  readonly id: string;
  readonly text: string;
}

/** An annotator's answer to a question, and the question's kind (`normal`, `yes_no`, …). */
export interface ReferenceAnswer {
  readonly answer: string;
  readonly kind: string;
}

/** Relevance judgements: query id → (document id → grade > 0). */
export type Qrels = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** The corpus, the dev questions and their judgements. */
export interface EvalDataset {
  readonly documents: readonly EvalDocument[];
  readonly queries: readonly EvalQuery[];
  readonly qrels: Qrels;
  /** By query id. */
  readonly answers: ReadonlyMap<string, ReferenceAnswer>;
}

const DATASET = join('shared', 'datasets', 'emanual-qa');

/**
 * `shared/datasets/emanual-qa` beside the repository (or beside one of its parent folders, as
 * for a worktree kept in a subfolder).
 */
export function defaultDatasetDir(): string {
  const repoRoot = resolve(__dirname, '../../../..');
  for (let dir = dirname(repoRoot); ; dir = dirname(dir)) {
    const candidate = join(dir, DATASET);
    if (existsSync(join(candidate, 'corpus.jsonl'))) {
      return candidate;
    }
    if (dirname(dir) === dir) {
      return join(dirname(repoRoot), DATASET);
    }
  }
}

/**
 * Reads `corpus.jsonl`, `queries.jsonl`, `qrels.tsv` (header row, `query doc grade`) and
 * `answers.jsonl` from `dir`. Queries without a positive judgement are dropped, as they cannot be
 * scored.
 */
export function loadDataset(dir: string = defaultDatasetDir()): EvalDataset {
  const documents = readJsonLines(join(dir, 'corpus.jsonl')).map((row): EvalDocument => ({
    id: field(row, 'id'),
    title: field(row, 'title'),
    text: field(row, 'text'),
  }));
  const qrels = parseQrels(readFileSync(join(dir, 'qrels.tsv'), 'utf8'));
  const queries = readJsonLines(join(dir, 'queries.jsonl'))
    .map((row): EvalQuery => ({ id: field(row, 'id'), text: field(row, 'text') }))
    .filter((query) => qrels.has(query.id));
  const answers = new Map(
    readJsonLines(join(dir, 'answers.jsonl')).map((row): [string, ReferenceAnswer] => [
      field(row, 'id'),
      { answer: field(row, 'answer'), kind: field(row, 'kind') },
    ]),
  );
  return { documents, queries, qrels, answers };
}

/** Parses TREC-style judgements; rows with a grade of 0 or less are not relevant and skipped. */
export function parseQrels(tsv: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  const lines = tsv.split(/\r?\n/u).filter((line) => line.trim().length > 0);
  for (const line of lines.slice(1)) {
    const [queryId, docId, grade] = line.split('\t');
    const value = Number(grade);
    if (queryId === undefined || docId === undefined || !(value > 0)) {
      continue;
    }
    const judged = qrels.get(queryId) ?? new Map<string, number>();
    judged.set(docId, value);
    qrels.set(queryId, judged);
  }
  return qrels;
}

function readJsonLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function field(row: Record<string, unknown>, name: string): string {
  const value = row[name];
  if (typeof value !== 'string') {
    throw new Error(`expected string field "${name}" in ${JSON.stringify(row).slice(0, 80)}`);
  }
  return value;
}
