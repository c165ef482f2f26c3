import { z } from 'zod';

/** `true` / `false` in a query string. */
export const QueryBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');
