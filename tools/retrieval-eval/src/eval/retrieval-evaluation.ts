import type { RelevanceCut } from '@deskpilot/contracts';
import { GroundingChecker, OfflineAnswerer, questionTopic } from '@deskpilot/llm';
import { BASELINE_BM25, Bm25Index } from '@deskpilot/text';

import type { EvalDataset, Qrels } from '../dataset/emanual-dataset';
import type { KnowledgeSystem } from '../harness/knowledge-system';
import { answerOverlap } from '../metrics/answer-overlap';
import type { JudgedConfidence } from '../metrics/confidence-metrics';
import { bandAccuracy, rocAuc } from '../metrics/confidence-metrics';
import type { MetricSummary } from '../metrics/ranking-metrics';
import { evaluateRun, recallAt } from '../metrics/ranking-metrics';

export interface LoadReport {
  readonly sections: number;
  /** Sections registered as new documents. */
  readonly documents: number;
  /** Sections whose content another section already had (recognised by hash). */
  readonly duplicates: number;
  readonly indexed: number;
  readonly failed: number;
  readonly seconds: number;
}

export interface PipelineRun {
  readonly denseWeight: number;
  readonly metrics: MetricSummary;
  /** Share of questions whose gold section is among the passages an answer prompt gets. */
  readonly promptCoverage: number;
  /** Passages an answer prompt gets on average, and their characters. */
  readonly meanPromptPassages: number;
  readonly meanPromptCharacters: number;
  /** llm's offline answers from the prompt's passages against the reference answers. */
  readonly offlineAnswers: OfflineAnswerSummary;
  readonly meanSearchMs: number;
}

export interface OfflineAnswerSummary {
  /** Questions measured: all but yes/no questions, whose reference answer is one word. */
  readonly questions: number;
  /** Mean token F1 and recall of the reference answer's content words. */
  readonly f1: number;
  readonly recall: number;
  readonly meanWords: number;
  /** How well the answers' confidence tells right answers (citing the gold section) from wrong. */
  readonly confidence: ConfidenceSummary;
}

/** The console's confidence bands: low, medium from 0.5, high from 0.8. */
const CONFIDENCE_BANDS = [0, 0.5, 0.8];

export interface ConfidenceSummary {
  /** Share of the answers that cite a passage of the gold section. */
  readonly right: number;
  /** ROC AUC of the confidence the answers get (llm's grounding check) for right against wrong. */
  readonly auc: number | undefined;
  /** Answers and the share right in each band, lowest first. */
  readonly bands: { from: number; answers: number; right: number }[];
}

/** The search llm makes for an answer prompt's passages. */
export interface PromptRequest {
  readonly passages: number;
  readonly relevanceCut: RelevanceCut | undefined;
}

/** Each corpus section as a Markdown document titled like the section. */
export async function loadCorpus(
  system: KnowledgeSystem,
  dataset: EvalDataset,
): Promise<{ report: LoadReport; documentOf: Map<string, string> }> {
  const started = performance.now();
  const documentOf = new Map<string, string>();
  let documents = 0;
  let duplicates = 0;
  for (const section of dataset.documents) {
    const result = await system.upload({
      name: `${section.id}.md`,
      title: section.title,
      contentType: 'text/markdown',
      body: Buffer.from(`# ${section.title}\n\n${section.text}\n`),
    });
    documentOf.set(section.id, result.document.documentId);
    if (result.outcome === 'duplicate') {
      duplicates += 1;
    } else {
      documents += 1;
    }
  }
  const { indexed, failed } = await system.settle();
  return {
    report: {
      sections: dataset.documents.length,
      documents,
      duplicates,
      indexed,
      failed,
      seconds: (performance.now() - started) / 1_000,
    },
    documentOf,
  };
}

/**
 * Runs every dev question through `retrieval.search` and scores the documents in the order of
 * their first passage. A document is relevant when its content is the gold section's (exact
 * duplicates of a section share one document).
 */
export async function evaluatePipeline(
  system: KnowledgeSystem,
  dataset: EvalDataset,
  documentOf: ReadonlyMap<string, string>,
  denseWeight: number,
  prompt: PromptRequest,
): Promise<PipelineRun> {
  const qrels = documentQrels(dataset.qrels, documentOf);
  const run = new Map<string, string[]>();
  const answerer = new OfflineAnswerer();
  const grounding = new GroundingChecker();
  const offline = { questions: 0, f1: 0, recall: 0, words: 0 };
  const judged: JudgedConfidence[] = [];
  let covered = 0;
  let promptPassages = 0;
  let promptCharacters = 0;
  let searchMs = 0;
  for (const query of dataset.queries) {
    const started = performance.now();
    const response = await system.search({ query: query.text, topK: 50, denseWeight });
    searchMs += performance.now() - started;
    run.set(query.id, [...new Set(response.hits.map((hit) => hit.documentId))]);
    const passages = await system.search({
      query: query.text,
      topK: prompt.passages,
      denseWeight,
      relevanceCut: prompt.relevanceCut,
    });
    promptPassages += passages.hits.length;
    promptCharacters += passages.hits.reduce((sum, hit) => sum + hit.text.length, 0);
    const reference = dataset.answers.get(query.id);
    const relevant = qrels.get(query.id) ?? new Map<string, number>();
    if (reference !== undefined && reference.kind !== 'yes_no') {
      const answerPassages = passages.hits.map((hit, i) => ({ ...hit, index: i + 1 }));
      const cited = answerer.answer({ question: query.text, passages: answerPassages });
      const right = answerPassages.some(
        (passage) => cited.includes(`[${passage.index}]`) && relevant.has(passage.documentId),
      );
      judged.push({
        confidence: grounding.check(
          cited,
          answerPassages,
          questionTopic(query.text, undefined, passages.corrections),
        ).confidence,
        right,
      });
      const answer = cited.replace(/\s*\[\d+\]/gu, '');
      const overlap = answerOverlap(answer, reference.answer);
      offline.questions += 1;
      offline.f1 += overlap.f1;
      offline.recall += overlap.recall;
      offline.words += answer.split(/\s+/u).length;
    }
    covered += recallAt(
      passages.hits.map((hit) => hit.documentId),
      relevant,
      prompt.passages,
    );
  }
  return {
    denseWeight,
    metrics: evaluateRun(run, qrels),
    promptCoverage: covered / Math.max(qrels.size, 1),
    meanPromptPassages: promptPassages / Math.max(dataset.queries.length, 1),
    meanPromptCharacters: promptCharacters / Math.max(dataset.queries.length, 1),
    offlineAnswers: {
      questions: offline.questions,
      f1: offline.f1 / Math.max(offline.questions, 1),
      recall: offline.recall / Math.max(offline.questions, 1),
      meanWords: offline.words / Math.max(offline.questions, 1),
      confidence: {
        right: judged.filter((item) => item.right).length / Math.max(judged.length, 1),
        auc: rocAuc(judged),
        bands: bandAccuracy(judged, CONFIDENCE_BANDS),
      },
    },
    meanSearchMs: searchMs / Math.max(dataset.queries.length, 1),
  };
}

/** The dataset README's baseline: plain BM25 over `title + text` of every section. */
export function evaluateBaseline(dataset: EvalDataset): MetricSummary {
  const index = new Bm25Index(BASELINE_BM25);
  for (const section of dataset.documents) {
    index.add(section.id, `${section.title} ${section.text}`);
  }
  const run = new Map(
    dataset.queries.map((query) => [query.id, index.search(query.text, 10).map((hit) => hit.id)]),
  );
  return evaluateRun(run, dataset.qrels);
}

function documentQrels(qrels: Qrels, documentOf: ReadonlyMap<string, string>): Qrels {
  const mapped = new Map<string, Map<string, number>>();
  for (const [queryId, judged] of qrels) {
    const documents = new Map<string, number>();
    for (const [sectionId, grade] of judged) {
      const documentId = documentOf.get(sectionId) ?? `missing:${sectionId}`;
      documents.set(documentId, Math.max(grade, documents.get(documentId) ?? 0));
    }
    mapped.set(queryId, documents);
  }
  return mapped;
}
