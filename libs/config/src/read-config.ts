import type { z } from 'zod';

import { ConfigError } from './config-error';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Validates the variables a service reads and returns them typed. Every problem is reported at
 * once, named by variable, so an operator fixes the whole file in one go.
 */
export function readEnvironment<S extends z.ZodObject>(
  schema: S,
  environment: Environment,
): z.infer<S> {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    picked[key] = environment[key];
  }
  const result = schema.safeParse(picked);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return result.data;
}
