import type { RelevanceCut } from '@deskpilot/contracts';
import {
  DEFAULT_DENSE_WEIGHT,
  DEFAULT_PROMPT_PASSAGES,
  PROMPT_RELEVANCE_CUT,
} from '@deskpilot/contracts';

import type { DatabaseChoice } from '../harness/knowledge-system';

export interface EvalOptions {
  readonly datasetDir: string | undefined;
  readonly database: DatabaseChoice;
  /** Dense weights to report; the request default is always included. */
  readonly denseWeights: number[];
  /** Passages an answer prompt gets at most (the bot settings' default). */
  readonly promptPassages: number;
  /** Which of them past the first few the prompt keeps (llm's cut, or none with `--no-cut`). */
  readonly relevanceCut: RelevanceCut | undefined;
  /** Extra service environment, e.g. `INGEST_CHUNK_TOKENS=128`. */
  readonly env: Record<string, string>;
}

const USAGE = `Usage: retrieval-eval [--dataset DIR] [--pglite] [--dense-weights 0,0.5,1]
                      [--prompt-passages ${DEFAULT_PROMPT_PASSAGES}] [--no-cut] [--env NAME=VALUE ...]`;

export function parseEvalOptions(args: readonly string[]): EvalOptions {
  const options = {
    datasetDir: undefined as string | undefined,
    database: 'postgres' as DatabaseChoice,
    denseWeights: [0, 0.25, 0.5, 0.75, 1],
    promptPassages: DEFAULT_PROMPT_PASSAGES,
    relevanceCut: PROMPT_RELEVANCE_CUT as RelevanceCut | undefined,
    env: {} as Record<string, string>,
  };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const value = (): string => {
      const next = args[i + 1];
      if (next === undefined) {
        throw new Error(`${arg ?? ''} needs a value\n${USAGE}`);
      }
      i += 1;
      return next;
    };
    switch (arg) {
      case '--dataset':
        options.datasetDir = value();
        break;
      case '--pglite':
        options.database = 'pglite';
        break;
      case '--dense-weights':
        options.denseWeights = value().split(',').map(Number);
        break;
      case '--prompt-passages':
        options.promptPassages = Number(value());
        break;
      case '--no-cut':
        options.relevanceCut = undefined;
        break;
      case '--env': {
        const [name, ...rest] = value().split('=');
        options.env[name ?? ''] = rest.join('=');
        break;
      }
      case undefined:
      default:
        throw new Error(`Unknown argument ${arg ?? ''}\n${USAGE}`);
    }
  }
  if (!options.denseWeights.includes(DEFAULT_DENSE_WEIGHT)) {
    options.denseWeights.push(DEFAULT_DENSE_WEIGHT);
  }
  options.denseWeights.sort((a, b) => a - b);
  return options;
}
