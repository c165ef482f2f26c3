import { cpuPercent } from './process-cpu';

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
