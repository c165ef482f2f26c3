import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Suite } from './figures';
import { recordSuite, renderSuite } from './report';

const suite: Suite = { name: 'bus', description: 'bus figures', run: () => Promise.resolve([]) };

describe(renderSuite.name, () => {
  it('should show each figure with its baseline, the ratio and the target', () => {
    const text = renderSuite(
      suite,
      [
        {
          suite: 'bus',
          name: 'round trip p50',
          value: 1.5,
          unit: 'ms',
          baseline: { name: 'bare', value: 0.5 },
          target: '< 2 ms',
          command: 'npm run bench -- --only bus',
        },
        {
          suite: 'bus',
          name: 'rate',
          value: 900,
          unit: 'events/s',
          command: 'npm run bench -- --only bus',
        },
      ],
      '2026-11-29',
    );

    expect(text).toContain('Measured 2026-11-29 with `npm run bench -- --only bus`.');
    expect(text).toContain('| round trip p50 | 1.5 ms | 0.5 ms (bare) | 3.00× | < 2 ms |');
    expect(text).toContain('| rate | 900 events/s | — | — | — |');
  });
});

describe(recordSuite.name, () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-doc-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should replace the suite section and keep the rest of the document', async () => {
    const path = join(dir, 'benchmarks.md');
    await writeFile(
      path,
      '# Benchmarks\n\nIntro.\n\n<!-- bench:bus:start -->\nold\n<!-- bench:bus:end -->\n\n## Other\nkept\n',
    );

    await recordSuite(path, 'bus', 'new figures\n');

    const text = await readFile(path, 'utf8');
    expect(text).toContain('<!-- bench:bus:start -->\nnew figures\n<!-- bench:bus:end -->');
    expect(text).not.toContain('old');
    expect(text).toContain('Intro.');
    expect(text).toContain('## Other\nkept');
  });

  it('should append a section for a suite the document does not have yet', async () => {
    const path = join(dir, 'benchmarks.md');
    await writeFile(path, '# Benchmarks\n');

    await recordSuite(path, 'search', 'search figures\n');

    expect(await readFile(path, 'utf8')).toBe(
      '# Benchmarks\n\n<!-- bench:search:start -->\nsearch figures\n<!-- bench:search:end -->\n',
    );
  });
});
