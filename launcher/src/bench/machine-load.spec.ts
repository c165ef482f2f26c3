import { cpuSeconds, cpuTicksOf } from './machine-load';

describe(cpuTicksOf.name, () => {
  it('should add user and system ticks when the command name holds spaces and parentheses', () => {
    const stat =
      '4242 (node (x) y) S 1 4242 4242 0 -1 4194304 1000 0 0 0 731 169 0 0 20 0 11 0 500 0 0';

    expect(cpuTicksOf(stat)).toBe(900);
  });

  it('should refuse text that is not a stat line', () => {
    expect(() => cpuTicksOf('(x) S')).toThrow('Not a /proc stat line');
  });
});

describe(cpuSeconds.name, () => {
  it('should read a running process and give 0 for none', async () => {
    expect(await cpuSeconds(process.pid)).toBeGreaterThan(0);
    expect(await cpuSeconds(undefined)).toBe(0);
  });
});
