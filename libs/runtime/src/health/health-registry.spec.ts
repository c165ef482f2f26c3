import { HealthRegistry } from './health-registry';

describe(HealthRegistry.name, () => {
  const identity = {
    service: 'retrieval',
    instanceId: 'r-1',
    version: '1.0.0',
    startedAt: new Date(),
  };

  beforeEach(() => {
    jest.useRealTimers();
  });

  it('should report up with each check and its latency when every indicator is up', async () => {
    const sut = new HealthRegistry(identity);
    sut.register({ name: 'database', check: () => Promise.resolve({ status: 'up' }) });
    sut.register({
      name: 'index',
      check: () => Promise.resolve({ status: 'up', detail: '10 vectors' }),
    });

    const report = await sut.report();

    expect(report).toMatchObject({ service: 'retrieval', instanceId: 'r-1', status: 'up' });
    expect(report.checks['index']).toMatchObject({ status: 'up', detail: '10 vectors' });
    expect(report.checks['database']?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('should report down with the reason when an indicator throws', async () => {
    const sut = new HealthRegistry(identity);
    sut.register({ name: 'database', check: () => Promise.resolve({ status: 'up' }) });
    sut.register({ name: 'storage', check: () => Promise.reject(new Error('bucket missing')) });

    const report = await sut.report();

    expect(report.status).toBe('down');
    expect(report.checks['storage']).toMatchObject({ status: 'down', detail: 'bucket missing' });
    expect(report.checks['database']?.status).toBe('up');
  });

  it('should report down when an indicator does not answer in time', async () => {
    jest.useFakeTimers();
    const sut = new HealthRegistry(identity);
    sut.register({ name: 'bus', check: () => new Promise(() => undefined) });

    const pending = sut.report();
    await jest.advanceTimersByTimeAsync(2_500);
    const report = await pending;

    expect(report.checks['bus']).toMatchObject({
      status: 'down',
      detail: 'no answer within 2000 ms',
    });
  });
});
