import { cpuPercent, cpuSecondsOf } from './process-cpu';

describe(cpuSecondsOf.name, () => {
  it('should add user and system ticks, counting fields after the command name', () => {
    const stat =
      '4242 (node (a) b) S 1 4242 4242 0 -1 4194304 125 0 0 0 250 75 0 0 20 0 11 0 187552 3133440';

    expect(cpuSecondsOf(stat)).toBe(3.25);
  });

  it('should refuse a line that is not a stat line', () => {
    expect(() => cpuSecondsOf('nothing here')).toThrow(/Not a \/proc stat line/);
  });
});

describe(cpuPercent.name, () => {
  it('should give each name its share of one core over the interval', () => {
    const before = new Map([
      ['gateway-0', new Map([[100, 10]])],
      ['llm-0', new Map([[200, 4]])],
    ]);
    const after = new Map([
      ['gateway-0', new Map([[100, 17.5]])],
      ['llm-0', new Map([[200, 4.1]])],
    ]);

    expect(cpuPercent(before, after, 10)).toEqual(
      new Map([
        ['gateway-0', 75],
        ['llm-0', 1],
      ]),
    );
  });

  it('should count a process that started in between from zero and skip one that exited', () => {
    const before = new Map([
      [
        'PostgreSQL',
        new Map([
          [300, 50],
          [301, 2],
        ]),
      ],
    ]);
    const after = new Map([
      [
        'PostgreSQL',
        new Map([
          [301, 3],
          [302, 1.5],
        ]),
      ],
    ]);

    expect(cpuPercent(before, after, 5)).toEqual(new Map([['PostgreSQL', 50]]));
  });
});
