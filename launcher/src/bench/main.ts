import { join } from 'node:path';
import 'reflect-metadata';

import { answerSuite } from './answer.bench';
import { busSuite } from './bus.bench';
import type { Suite } from './figures';
import { knowledgeSuite } from './knowledge.bench';
import { loadSuite } from './load.bench';
import { recordSuite, renderSuite } from './report';
import { scalingSuite } from './scaling.bench';
import { startupSuite } from './startup.bench';

const SUITES: readonly Suite[] = [
  busSuite,
  startupSuite,
  answerSuite,
  knowledgeSuite,
  scalingSuite,
  loadSuite,
];
const DOCUMENT = join(__dirname, '..', '..', '..', 'docs', 'benchmarks.md');

/**
 * `npm run bench [-- --only bus,startup] [--record]`: runs the suites one after the other and
 * prints each figure with the command that reproduces it; `--record` also writes them to
 * docs/benchmarks.md.
 */
async function main(args: readonly string[]): Promise<void> {
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',') : undefined;
  const unknown = only?.filter((name) => !SUITES.some((suite) => suite.name === name)) ?? [];
  if (unknown.length > 0) {
    throw new Error(
      `Unknown suite(s) ${unknown.join(', ')}; known: ${SUITES.map((s) => s.name).join(', ')}`,
    );
  }
  const record = args.includes('--record');
  const date = new Date().toISOString().slice(0, 10);
  for (const suite of SUITES.filter((s) => only === undefined || only.includes(s.name))) {
    process.stdout.write(`Running ${suite.name}: ${suite.description}…\n`);
    const figures = await suite.run(`npm run bench -- --only ${suite.name}`);
    const section = renderSuite(suite, figures, date);
    process.stdout.write(`\n${section}\n`);
    if (record) {
      await recordSuite(DOCUMENT, suite.name, section);
    }
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
