import {
  DEFAULT_DENSE_WEIGHT,
  DEFAULT_PROMPT_PASSAGES,
  PROMPT_RELEVANCE_CUT,
} from '@deskpilot/contracts';

import { parseEvalOptions } from './eval-options';

describe(parseEvalOptions.name, () => {
  it('should default to the machine PostgreSQL and always include the default dense weight', () => {
    const options = parseEvalOptions(['--dense-weights', '1,0.75']);

    expect(options).toMatchObject({
      database: 'postgres',
      denseWeights: [DEFAULT_DENSE_WEIGHT, 0.75, 1].sort((a, b) => a - b),
      promptPassages: DEFAULT_PROMPT_PASSAGES,
      relevanceCut: PROMPT_RELEVANCE_CUT,
    });
  });

  it('should measure fixed prompts when given --no-cut', () => {
    const options = parseEvalOptions(['--prompt-passages', '6', '--no-cut']);

    expect(options).toMatchObject({ promptPassages: 6, relevanceCut: undefined });
  });

  it('should collect service settings when given --env', () => {
    const options = parseEvalOptions(['--pglite', '--env', 'INGEST_CHUNK_TOKENS=128']);

    expect(options).toMatchObject({ database: 'pglite', env: { INGEST_CHUNK_TOKENS: '128' } });
  });

  it('should throw when an argument is unknown', () => {
    expect(() => parseEvalOptions(['--fast'])).toThrow('Unknown argument --fast');
  });
});
