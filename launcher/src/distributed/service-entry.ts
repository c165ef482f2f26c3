import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { ServiceName } from '@deskpilot/contracts';

/** The compiled entry point of a service: `main` runs it, `migrate` applies its migrations. */
export function serviceEntry(service: ServiceName, entry: 'main' | 'migrate'): string {
  const packageDir = dirname(require.resolve(`@deskpilot/${service}/package.json`));
  const file = join(packageDir, 'dist', `${entry}.js`);
  if (!existsSync(file)) {
    throw new Error(`${file} does not exist: build first (npm run build)`);
  }
  return file;
}
