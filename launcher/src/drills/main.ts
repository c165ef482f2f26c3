import 'reflect-metadata';

import { DrillSystem } from './drill-system';
import type { DrillResult } from './drills';
import { DRILLS } from './drills';

/** About 40 tokens a second: a draft of 150 tokens streams for about 4 s. */
const MODEL_TOKEN_DELAY_MS = 25;

/**
 * `npm run drill [-- --only rabbitmq,kill]`: starts the distributed mode against a private
 * RabbitMQ and PostgreSQL, runs the failure drills one after the other and prints one result
 * line per drill. Exits non-zero when a drill fails (the process logs are then kept).
 */
async function main(args: readonly string[]): Promise<boolean> {
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',') : undefined;
  const unknown = only?.filter((name) => !DRILLS.some((drill) => drill.name === name)) ?? [];
  if (unknown.length > 0) {
    throw new Error(
      `Unknown drill(s) ${unknown.join(', ')}; known: ${DRILLS.map((d) => d.name).join(', ')}`,
    );
  }
  const started = performance.now();
  const system = await DrillSystem.start({
    dependencies: 'private',
    answerer: 'openrouter-simulator',
  });
  // Interrupted, it still stops its RabbitMQ, PostgreSQL and service processes.
  const interrupt = (signal: NodeJS.Signals): void => {
    process.stdout.write(`${signal}: stopping; process logs kept in ${system.dataDir}/logs\n`);
    void system.stop(true).finally(() => process.exit(1));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  // A model that streams like a hosted one, so drafting is still in flight when a fault strikes.
  system.openRouter.control.updateSettings({ tokenDelayMs: MODEL_TOKEN_DELAY_MS });
  process.stdout.write(
    `System ready in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(RabbitMQ ${system.rabbitmq.url}, PostgreSQL ${system.postgres.url})\n`,
  );
  const results: DrillResult[] = [];
  try {
    for (const drill of DRILLS.filter((d) => only === undefined || only.includes(d.name))) {
      process.stdout.write(`Drill ${drill.name}: ${drill.description}…\n`);
      const result = await drill.run(system).catch((error: unknown): DrillResult => ({
        drill: drill.name,
        passed: false,
        seconds: 0,
        details: [`PROBLEM: ${error instanceof Error ? error.message : String(error)}`],
      }));
      results.push(result);
      process.stdout.write(
        `drill ${result.drill}: ${result.passed ? 'PASS' : 'FAIL'} in ${result.seconds} s | ${result.details.join(' | ')}\n`,
      );
    }
  } finally {
    const passed = results.every((result) => result.passed);
    await system.stop(!passed);
    if (!passed) {
      process.stdout.write(`Process logs kept in ${system.dataDir}/logs\n`);
    }
  }
  return results.every((result) => result.passed);
}

main(process.argv.slice(2)).then(
  (passed) => process.exit(passed ? 0 : 1),
  (error: unknown) => {
    process.stderr.write(
      `drill failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
