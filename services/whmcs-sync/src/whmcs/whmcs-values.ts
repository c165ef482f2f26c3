import { decode } from 'html-entities';
import { z } from 'zod';

/** Ids, counters and flags arrive as numbers or numeric strings, depending on the action. */
export const numeric = z.union([z.number(), z.string()]).transform((value) => {
  const n = typeof value === 'number' ? value : Number(value.trim());
  return Number.isFinite(n) ? n : 0;
});

/** An id as the string WHMCS uses on the wire (`"12"`), whatever the JSON type was. */
export const idText = z.union([z.string(), z.number()]).transform((value) => String(value).trim());

/** Free text that may be missing, null or (for odd installs) a number. */
export const text = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((value) => (value === null || value === undefined ? '' : String(value)));

/**
 * Lists are wrapped (`{"tickets": {"ticket": [...]}}`), and the wrapper may be missing, an empty
 * array, `{}`, a single object or a numerically keyed object. Returns the items in every case.
 */
export function unwrapList(value: unknown, itemKey: string): unknown[] {
  if (value === null || value === undefined || value === '') {
    return [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown) =>
      Array.isArray(item) ? item.filter(isObject) : isObject(item) ? [item] : [],
    );
  }
  if (!isObject(value)) {
    return [];
  }
  if (itemKey in value) {
    return unwrapList(value[itemKey], itemKey);
  }
  const keys = Object.keys(value);
  if (keys.length === 0) {
    return [];
  }
  if (keys.every((key) => /^\d+$/.test(key))) {
    return unwrapList(Object.values(value), itemKey);
  }
  return [value];
}

/** A zod schema for a wrapped list of `item`. */
export function wrappedList<T extends z.ZodType>(item: T, itemKey: string) {
  return z
    .unknown()
    .transform((value) => unwrapList(value, itemKey))
    .pipe(z.array(item))
    .default([]);
}

/**
 * Email-imported text is stored `htmlspecialchars`-encoded. Decoded once for people and the model;
 * it is never encoded again on the way back.
 */
export function decodeEntities(value: string): string {
  return decode(value, { level: 'html5' });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
