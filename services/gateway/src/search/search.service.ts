import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import type { SearchQueryRequest, SearchResponse } from '@deskpilot/contracts';
import { SearchRpc } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';

const SEARCH_TIMEOUT_MS = 10_000;

/** Knowledge-base search for staff, answered by retrieval. */
@Injectable()
export class SearchService {
  constructor(private readonly bus: MessageBus) {}

  search(request: z.output<typeof SearchQueryRequest>): Promise<SearchResponse> {
    return this.bus.request(
      SearchRpc.Search,
      { query: request.query, topK: request.topK, denseWeight: request.denseWeight },
      { timeoutMs: SEARCH_TIMEOUT_MS },
    );
  }
}
