import 'reflect-metadata';

import { DEFAULT_DENSE_WEIGHT } from '@deskpilot/contracts';
import { DEFAULT_TOPIC_GROUP_OPTIONS } from '@deskpilot/text';

import { defaultDatasetDir, loadDataset } from '../dataset/emanual-dataset';
import { KnowledgeSystem } from '../harness/knowledge-system';
import type { MetricSummary } from '../metrics/ranking-metrics';
import { parseEvalOptions } from './eval-options';
import { evaluateQuestionGrouping } from './question-grouping';
import { evaluateBaseline, evaluatePipeline, loadCorpus } from './retrieval-evaluation';

function row(name: string, metrics: MetricSummary, extra = ''): string {
  const cells = [
    metrics.recallAt1,
    metrics.recallAt5,
    metrics.recallAt10,
    metrics.ndcgAt10,
    metrics.mrrAt10,
  ].map((value) => value.toFixed(3));
  const widths = [5, 5, 5, 7, 6];
  const padded = cells.map((cell, i) => cell.padEnd(widths[i] ?? 5));
  return `| ${name.padEnd(40)} | ${padded.join(' | ')} |${extra}`;
}

async function main(): Promise<void> {
  const options = parseEvalOptions(process.argv.slice(2));
  const datasetDir = options.datasetDir ?? defaultDatasetDir();
  const dataset = loadDataset(datasetDir);
  const out = (line = ''): void => {
    process.stdout.write(`${line}\n`);
  };
  out(`Retrieval evaluation: ${datasetDir}`);
  out(
    `${dataset.documents.length} sections, ${dataset.queries.length} dev questions; database: ${options.database}`,
  );
  const system = await KnowledgeSystem.start({ database: options.database, env: options.env });
  try {
    const { report, documentOf } = await loadCorpus(system, dataset);
    out(
      `Ingested through the pipeline in ${report.seconds.toFixed(1)} s: ${report.documents} documents ` +
        `(${report.duplicates} sections were exact duplicates), ${report.indexed} indexed, ${report.failed} failed`,
    );
    const runs = [];
    for (const denseWeight of options.denseWeights) {
      runs.push(
        await evaluatePipeline(system, dataset, documentOf, denseWeight, {
          passages: options.promptPassages,
          relevanceCut: options.relevanceCut,
        }),
      );
    }
    const embedder = (
      await system.search({ query: 'embedder', topK: 1, denseWeight: DEFAULT_DENSE_WEIGHT })
    ).embedder;
    out(`Embedder: ${embedder}`);
    out();
    const cut = options.relevanceCut;
    out(
      `Prompt: at most ${options.promptPassages} passages` +
        (cut === undefined
          ? ''
          : `, past ${cut.keep} only those scoring at least ${cut.share} of the best`),
    );
    out();
    out(
      `| ${'run'.padEnd(40)} | R@1   | R@5   | R@10  | nDCG@10 | MRR@10 | gold in prompt | passages | search ms |`,
    );
    out(
      `| ${'-'.repeat(40)} | ----- | ----- | ----- | ------- | ------ | -------------- | -------- | --------- |`,
    );
    out(
      row(
        'BM25 baseline (README settings)',
        evaluateBaseline(dataset),
        ' —              | —        | —         |',
      ),
    );
    for (const run of runs) {
      const name =
        run.denseWeight === 0
          ? 'lexical only (denseWeight 0)'
          : run.denseWeight === 1
            ? 'dense only (denseWeight 1)'
            : `hybrid denseWeight ${run.denseWeight}`;
      const label = `${name}${run.denseWeight === DEFAULT_DENSE_WEIGHT ? ' (default)' : ''}`;
      out(
        row(
          label,
          run.metrics,
          ` ${run.promptCoverage.toFixed(3).padEnd(14)} | ${run.meanPromptPassages.toFixed(1).padStart(8)} | ${run.meanSearchMs.toFixed(1).padStart(9)} |`,
        ),
      );
    }
    const main = runs.find((run) => run.denseWeight === DEFAULT_DENSE_WEIGHT);
    if (main !== undefined) {
      out();
      out(
        `Default search: R@5 ${main.metrics.recallAt5.toFixed(3)} (target 0.93), nDCG@10 ${main.metrics.ndcgAt10.toFixed(3)} (target 0.80), ` +
          `gold in the prompt's passages ${main.promptCoverage.toFixed(3)} (target 0.97)`,
      );
      out(
        `Prompt passages: ${main.meanPromptPassages.toFixed(1)} on average, ` +
          `${Math.round(main.meanPromptCharacters)} characters of passage text`,
      );
      const offline = main.offlineAnswers;
      out(
        `Offline answers from those passages: token F1 ${offline.f1.toFixed(3)}, recall ` +
          `${offline.recall.toFixed(3)} of the reference answers' content words, ` +
          `${offline.meanWords.toFixed(1)} words on average (${offline.questions} questions, yes/no left out)`,
      );
      const { confidence } = offline;
      const auc = (value: number | undefined) => value?.toFixed(3) ?? 'n/a';
      out(
        `Their confidence: ${(confidence.right * 100).toFixed(1)} % cite the gold section; ROC AUC ` +
          `of right against wrong ${auc(confidence.auc)}; ` +
          confidence.bands
            .map(
              (band) =>
                `from ${band.from}: ${band.answers} answers, ${(band.right * 100).toFixed(1)} % right`,
            )
            .join('; '),
      );
    }
  } finally {
    await system.stop();
  }
  out();
  const grouping = evaluateQuestionGrouping(dataset);
  const score = (s: { precision: number; recall: number; f1: number }): string =>
    `B-cubed precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}, F1 ${s.f1.toFixed(3)}`;
  out(`Grouping the dev questions by topic (knowledge gaps), against their gold sections:`);
  out(`- every question alone: ${score(grouping.singletons)}`);
  for (const run of grouping.runs) {
    const isDefault = run.minSimilarity === DEFAULT_TOPIC_GROUP_OPTIONS.minSimilarity;
    out(
      `- similarity at least ${run.minSimilarity}${isDefault ? ' (default)' : ''}: ` +
        `${run.groups} groups, ${score(run.score)}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
