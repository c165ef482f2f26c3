import { parseEvalOptions } from './eval-options';

describe(parseEvalOptions.name, () => {
  it('should default to the machine PostgreSQL and always include the default dense weight', () => {
    const options = parseEvalOptions(['--dense-weights', '1,0']);

    expect(options).toMatchObject({
      database: 'postgres',
      denseWeights: [0, 0.5, 1],
      promptPassages: 8,
    });
  });

  it('should collect service settings when given --env', () => {
    const options = parseEvalOptions(['--pglite', '--env', 'INGEST_CHUNK_TOKENS=128']);

    expect(options).toMatchObject({ database: 'pglite', env: { INGEST_CHUNK_TOKENS: '128' } });
  });

  it('should throw when an argument is unknown', () => {
    expect(() => parseEvalOptions(['--fast'])).toThrow('Unknown argument --fast');
  });
});
