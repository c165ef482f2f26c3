import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PRODUCT_VERSION } from './version';

describe('PRODUCT_VERSION', () => {
  it('should match the root package.json version', () => {
    const root = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
      version: string;
    };

    expect(PRODUCT_VERSION).toBe(root.version);
  });
});
