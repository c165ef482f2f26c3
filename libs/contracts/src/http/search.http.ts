import { z } from 'zod';

/** `POST /api/search`: hybrid search of the knowledge base; answers `SearchResponse`. */
export const SearchQueryRequest = z.strictObject({
  query: z.string().trim().min(1).max(2_000),
  topK: z.number().int().min(1).max(50).default(8),
  denseWeight: z.number().min(0).max(1).optional(),
});
export type SearchQueryRequest = z.input<typeof SearchQueryRequest>;
