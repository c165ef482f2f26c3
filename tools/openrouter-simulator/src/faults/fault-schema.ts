import { z } from 'zod';

import type { FaultSpec } from './fault-spec';

const targeting = {
  model: z.string().min(1).optional(),
  endpoint: z.enum(['chat', 'embeddings']).optional(),
  apiKey: z.string().min(1).optional(),
  times: z.union([z.number().int().positive(), z.literal('always')]).optional(),
  probability: z.number().min(0).max(1).optional(),
};

const seconds = z.number().nonnegative();
const tokens = z.number().int().nonnegative();

/** Validates faults arriving over the control API. */
export const faultSpecSchema: z.ZodType<FaultSpec> = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('rate-limit'),
    retryAfterSeconds: seconds.optional(),
    upstream: z.boolean().optional(),
    ...targeting,
  }),
  z.strictObject({
    kind: z.literal('insufficient-credits'),
    affordableTokens: tokens.optional(),
    ...targeting,
  }),
  z.strictObject({ kind: z.literal('invalid-key'), ...targeting }),
  z.strictObject({
    kind: z.literal('moderation'),
    reasons: z.array(z.string()).optional(),
    ...targeting,
  }),
  z.strictObject({
    kind: z.literal('server-error'),
    status: z
      .union([z.literal(500), z.literal(502), z.literal(503), z.literal(524), z.literal(529)])
      .optional(),
    retryAfterSeconds: seconds.optional(),
    ...targeting,
  }),
  z.strictObject({ kind: z.literal('timeout'), ...targeting }),
  z.strictObject({
    kind: z.literal('midstream-error'),
    afterTokens: tokens,
    code: z.number().int().min(400).max(599).optional(),
    message: z.string().optional(),
    ...targeting,
  }),
  z.strictObject({ kind: z.literal('stall'), afterTokens: tokens, ...targeting }),
  z.strictObject({ kind: z.literal('linger'), ...targeting }),
  z.strictObject({ kind: z.literal('hang'), ...targeting }),
  z.strictObject({
    kind: z.literal('slow'),
    tokenDelayMs: seconds,
    firstTokenDelayMs: seconds.optional(),
    ...targeting,
  }),
]);
