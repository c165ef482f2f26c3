import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

import { readWorkspaceFile } from './workspace';

/** The part of dclint's API used here (its bundled declarations do not resolve from CommonJS). */
interface ComposeLinter {
  lintFiles(
    paths: string[],
    recursive: boolean,
  ): {
    filePath: string;
    messages: { rule: string; type: string; line: number; message: string }[];
  }[];
}

interface ComposeLinterConfig {
  rules: Record<string, 0 | 1 | 2>;
  quiet: boolean;
  debug: boolean;
  exclude: string[];
}

// dclint is an ES module with a CommonJS build; this CommonJS project loads the latter.
const { DCLinter } = createRequire(__filename)('dclint') as {
  DCLinter: new (config: ComposeLinterConfig) => ComposeLinter;
};

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const stringList = z.union([z.string().transform((value) => [value]), z.array(scalar)]);

const environment = z
  .union([z.record(z.string(), scalar.nullable()), z.array(z.string())])
  .transform((value): Record<string, string> => {
    if (Array.isArray(value)) {
      return Object.fromEntries(
        value.map((entry) => {
          const at = entry.indexOf('=');
          return at === -1 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
        }),
      );
    }
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, v ?? '']));
  });

const dependsOn = z
  .union([
    z
      .array(z.string())
      .transform((names) =>
        Object.fromEntries(names.map((name) => [name, { condition: 'service_started' }])),
      ),
    z.record(z.string(), z.object({ condition: z.string() })),
  ])
  .transform((value): Record<string, string> =>
    Object.fromEntries(Object.entries(value).map(([name, dep]) => [name, dep.condition])),
  );

const composeService = z.object({
  image: z.string().optional(),
  build: z
    .union([
      z.string().transform((context) => ({ context, target: undefined })),
      z.object({ context: z.string(), target: z.string().optional() }),
    ])
    .optional(),
  command: stringList.optional(),
  entrypoint: stringList.optional(),
  environment: environment.default({}),
  depends_on: dependsOn.default({}),
  ports: z.array(scalar).default([]),
  healthcheck: z
    .object({ test: stringList, disable: z.boolean().optional() })
    .partial({ test: true })
    .optional(),
  restart: z.string().optional(),
  read_only: z.boolean().optional(),
  cap_drop: z.array(z.string()).default([]),
  cap_add: z.array(z.string()).default([]),
  security_opt: z.array(z.string()).default([]),
});

const composeFile = z.object({
  name: z.string().optional(),
  services: z.record(z.string(), composeService),
});

export type ComposeService = z.infer<typeof composeService>;

export interface ComposeFile {
  readonly path: string;
  readonly name: string | undefined;
  readonly services: Readonly<Record<string, ComposeService>>;
  /** Every service's keys as written (after YAML merge keys), to spot unexpected settings. */
  readonly keys: Readonly<Record<string, readonly string[]>>;
}

/** Parses a compose file (YAML merge keys resolved as compose does) into the parts we check. */
export function loadCompose(root: string, path: string): ComposeFile {
  const raw: unknown = parse(readWorkspaceFile(root, path), { merge: true });
  const file = composeFile.parse(raw);
  const rawServices = (raw as { services: Record<string, Record<string, unknown>> }).services;
  return {
    path,
    name: file.name,
    services: file.services,
    keys: Object.fromEntries(
      Object.entries(rawServices).map(([name, service]) => [name, Object.keys(service)]),
    ),
  };
}

/**
 * dclint's rules that guard correctness and security; its ordering rules are left out (the file
 * is ordered by role: dependencies, migrations, services), and so is no-build-and-image, because
 * each service both builds and tags its image so that the migration one-shots can run it.
 */
const COMPOSE_RULES: Record<string, 0 | 2> = {
  'no-build-and-image': 0,
  'no-duplicate-container-names': 2,
  'no-duplicate-exported-ports': 2,
  'no-quotes-in-volumes': 2,
  'no-unbound-port-interfaces': 2,
  'no-version-field': 2,
  'require-project-name-field': 0,
  'require-quotes-in-ports': 2,
  'service-container-name-regex': 2,
  'service-dependencies-alphabetical-order': 0,
  'service-image-require-explicit-tag': 2,
  'service-keys-order': 0,
  'service-ports-alphabetical-order': 0,
  'services-alphabetical-order': 0,
  'top-level-properties-order': 0,
};

/** Validates compose files against the Compose Specification schema and dclint's rules. */
export function lintComposeFiles(root: string, paths: readonly string[]): string[] {
  const linter = new DCLinter({ rules: COMPOSE_RULES, quiet: false, debug: false, exclude: [] });
  return linter
    .lintFiles(
      paths.map((path) => join(root, path)),
      false,
    )
    .flatMap((result) =>
      result.messages.map(
        (message) =>
          `${result.filePath}:${message.line} ${message.type} ${message.rule}: ${message.message}`,
      ),
    );
}
