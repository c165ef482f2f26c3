import { FaultPlan } from './fault-plan';

describe(FaultPlan.name, () => {
  const target = { endpoint: 'chat', model: 'openai/gpt-4o-mini', apiKey: 'k1' } as const;

  it('should hit once by default and then be gone', () => {
    const sut = new FaultPlan();
    sut.add({ kind: 'rate-limit', retryAfterSeconds: 2 });

    expect(sut.take(target)).toMatchObject({ kind: 'rate-limit' });
    expect(sut.take(target)).toBeUndefined();
  });

  it('should only hit requests of the targeted model and key', () => {
    const sut = new FaultPlan();
    sut.add({ kind: 'server-error', model: 'openai/gpt-4o', times: 'always' });
    sut.add({ kind: 'invalid-key', apiKey: 'k2', times: 'always' });

    expect(sut.take(target)).toBeUndefined();
    expect(sut.take({ ...target, model: 'openai/gpt-4o' })).toMatchObject({ kind: 'server-error' });
    expect(sut.take({ ...target, apiKey: 'k2' })).toMatchObject({ kind: 'invalid-key' });
  });

  it('should roll the dice when a probability is given', () => {
    const rolls = [0.9, 0.1];
    const sut = new FaultPlan(() => rolls.shift() ?? 1);
    sut.add({ kind: 'server-error', probability: 0.5 });

    expect(sut.take(target)).toBeUndefined();
    expect(sut.take(target)).toMatchObject({ kind: 'server-error' });
  });

  it('should never fault embeddings with a stream-only kind', () => {
    const sut = new FaultPlan();
    sut.add({ kind: 'midstream-error', afterTokens: 1 });

    expect(sut.take({ ...target, endpoint: 'embeddings' })).toBeUndefined();
  });
});
