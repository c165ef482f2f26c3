import { readFile, writeFile } from 'node:fs/promises';

import type { Figure, Suite } from './figures';

/** A markdown table of one suite's figures, with the ratio to each baseline. */
export function renderSuite(suite: Suite, figures: readonly Figure[], date: string): string {
  const rows = figures.map((figure) => {
    const baseline =
      figure.baseline === undefined
        ? '—'
        : `${figure.baseline.value} ${figure.unit} (${figure.baseline.name})`;
    const ratio =
      figure.baseline === undefined || figure.baseline.value === 0
        ? '—'
        : `${(figure.value / figure.baseline.value).toFixed(2)}×`;
    return `| ${figure.name} | ${figure.value} ${figure.unit} | ${baseline} | ${ratio} | ${figure.target ?? '—'} |`;
  });
  const command = figures[0]?.command ?? '';
  return [
    `### ${suite.description}`,
    '',
    `Measured ${date} with \`${command}\`.`,
    '',
    '| figure | value | baseline (same run) | ratio | target |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

const start = (suite: string): string => `<!-- bench:${suite}:start -->`;
const end = (suite: string): string => `<!-- bench:${suite}:end -->`;

/**
 * Replaces the suite's section of the benchmarks document (between its markers), or appends it,
 * so the document always holds the latest figures of every suite.
 */
export async function recordSuite(path: string, suite: string, section: string): Promise<void> {
  const current = await readFile(path, 'utf8').catch(() => '# Benchmarks\n');
  const block = `${start(suite)}\n${section}${end(suite)}`;
  const from = current.indexOf(start(suite));
  const to = current.indexOf(end(suite));
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + block + current.slice(to + end(suite).length)
      : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(path, next);
}
