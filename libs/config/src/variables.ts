import { z } from 'zod';

import { LOG_LEVELS } from '@deskpilot/observability';

/** Environment values arrive as strings; an empty string means "not set". */
const raw = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export const env = {
  string: () => raw,

  port: () =>
    raw.transform((value, ctx) => {
      if (value === undefined) {
        return undefined;
      }
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a port number 0-65535 (got ${describe(value)})`,
        });
        return z.NEVER;
      }
      return port;
    }),

  int: (min: number, max: number) =>
    raw.transform((value, ctx) => {
      if (value === undefined) {
        return undefined;
      }
      const n = Number(value);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `must be an integer from ${min} to ${max} (got ${describe(value)})`,
        });
        return z.NEVER;
      }
      return n;
    }),

  number: (min: number, max: number) =>
    raw.transform((value, ctx) => {
      if (value === undefined) {
        return undefined;
      }
      const n = Number(value);
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a number from ${min} to ${max} (got ${describe(value)})`,
        });
        return z.NEVER;
      }
      return n;
    }),

  bool: () =>
    raw.transform((value, ctx) => {
      if (value === undefined) {
        return undefined;
      }
      const normalised = value.toLowerCase();
      if (['true', '1', 'yes'].includes(normalised)) {
        return true;
      }
      if (['false', '0', 'no'].includes(normalised)) {
        return false;
      }
      ctx.addIssue({ code: 'custom', message: `must be true or false (got ${describe(value)})` });
      return z.NEVER;
    }),

  url: (protocols: readonly string[]) =>
    raw.transform((value, ctx) => {
      if (value === undefined) {
        return undefined;
      }
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a URL' });
        return z.NEVER;
      }
      if (!protocols.includes(url.protocol.replace(/:$/, ''))) {
        ctx.addIssue({
          code: 'custom',
          message: `must use ${protocols.join(' or ')}:// (got ${url.protocol}//)`,
        });
        return z.NEVER;
      }
      return value;
    }),

  oneOf: <T extends string>(values: readonly T[]) =>
    raw.transform((value, ctx) => {
      if (value === undefined) {
        return undefined;
      }
      if (!(values as readonly string[]).includes(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `must be one of ${values.join(', ')} (got ${describe(value)})`,
        });
        return z.NEVER;
      }
      return value as T;
    }),

  email: () =>
    raw.transform((value, ctx) => {
      if (value === undefined) {
        return undefined;
      }
      if (!z.email().safeParse(value).success) {
        ctx.addIssue({ code: 'custom', message: 'must be an email address' });
        return z.NEVER;
      }
      return value.toLowerCase();
    }),

  logLevel: () =>
    raw.transform((value, ctx) => {
      if (value === undefined) {
        return undefined;
      }
      const level = LOG_LEVELS.find((l) => l === value.toLowerCase());
      if (level === undefined) {
        ctx.addIssue({ code: 'custom', message: `must be one of ${LOG_LEVELS.join(', ')}` });
        return z.NEVER;
      }
      return level;
    }),
};
