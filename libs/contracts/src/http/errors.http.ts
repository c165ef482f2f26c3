import { z } from 'zod';

/** The body of every error the HTTP API returns. */
export const ApiError = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.union([z.string(), z.array(z.string())]),
});
export type ApiError = z.infer<typeof ApiError>;
