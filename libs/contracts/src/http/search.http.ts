import { z } from 'zod';

import { DEFAULT_DENSE_WEIGHT } from '../messages/search.messages';

/** `POST /api/search`: hybrid search of the knowledge base; answers `SearchResponse`. */
export const SearchQueryRequest = z.strictObject({
  query: z.string().trim().min(1).max(2_000),
  topK: z.number().int().min(1).max(50).default(8),
  /** Share of the vector ranking; the lexical ranking gets the rest. */
  denseWeight: z.number().min(0).max(1).default(DEFAULT_DENSE_WEIGHT),
});
export type SearchQueryRequest = z.input<typeof SearchQueryRequest>;
