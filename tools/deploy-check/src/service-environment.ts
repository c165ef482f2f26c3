import { join } from 'node:path';

import { commonEnvironment } from '@deskpilot/config';

import { REQUIRED_WHEN_STANDALONE } from './variables';
import { listWorkspaceFiles } from './workspace';

/** What a service's own configuration code reads, found by running it. */
export interface ServiceEnvironment {
  readonly service: string;
  /** Every environment variable the service's config loaders read. */
  readonly variables: ReadonlySet<string>;
  /** The port the service listens on when PORT is unset. */
  readonly defaultPort: number | undefined;
  readonly loaders: readonly string[];
}

/** Loads a TypeScript module by absolute path (in tests: the jest module registry). */
export type ModuleLoader = (path: string) => unknown;

const LOADER_NAME = /^load\w*Config$/;

/**
 * An environment that records every variable read from it and answers "unset" to all of them but
 * the ones a service cannot run alone without (which get placeholders), so a config loader returns
 * its defaults. Enumerating it is refused: a loader that lists the environment instead of naming
 * variables could not be checked.
 */
export function recordingEnvironment(
  placeholders: Readonly<Record<string, string>> = REQUIRED_WHEN_STANDALONE,
): {
  readonly environment: Readonly<Record<string, string | undefined>>;
  readonly read: ReadonlySet<string>;
} {
  const read = new Set<string>();
  const environment = new Proxy<Record<string, string | undefined>>(
    {},
    {
      get: (_target, key) => {
        if (typeof key !== 'string') {
          return undefined;
        }
        read.add(key);
        return placeholders[key];
      },
      has: (_target, key) => {
        if (typeof key !== 'string') {
          return false;
        }
        read.add(key);
        return placeholders[key] !== undefined;
      },
      ownKeys: () => {
        throw new Error('config loaders must read variables by name, not enumerate them');
      },
    },
  );
  return { environment, read };
}

/**
 * Runs every `load…Config(environment)` function exported by `services/<service>/src/config/
 * *.config.ts` against a recording environment: the variables they read are exactly what the
 * service can be configured with, however the schema is composed.
 */
export function readServiceEnvironment(
  root: string,
  service: string,
  load: ModuleLoader,
): ServiceEnvironment {
  const folder = join('services', service, 'src', 'config');
  const variables = new Set<string>();
  const loaders: string[] = [];
  let defaultPort: number | undefined;
  for (const file of listWorkspaceFiles(root, folder, '.config.ts')) {
    const exports = load(join(root, folder, file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (!LOADER_NAME.test(name) || typeof value !== 'function') {
        continue;
      }
      const { environment, read } = recordingEnvironment();
      const config: unknown = (value as (env: typeof environment) => unknown)(environment);
      read.forEach((variable) => variables.add(variable));
      loaders.push(`${file}#${name}`);
      const port = (config as { port?: unknown } | undefined)?.port;
      if (typeof port === 'number') {
        defaultPort = port;
      }
    }
  }
  return { service, variables, defaultPort, loaders };
}

/** What `services/<svc>/dist/migrate.js` reads: the common variables only. */
export function migrationVariables(): ReadonlySet<string> {
  return new Set(Object.keys(commonEnvironment.shape));
}
