import { Controller } from '@nestjs/common';

import type { SearchResponse } from '@deskpilot/contracts';
import { SearchRpc } from '@deskpilot/contracts';
import { OnRequest } from '@deskpilot/messaging';

import type { SearchCommand } from './search.service';
import { SearchService } from './search.service';

@Controller()
export class SearchController {
  constructor(private readonly service: SearchService) {}

  @OnRequest(SearchRpc.Search)
  search(request: SearchCommand): Promise<SearchResponse> {
    return this.service.search(request);
  }
}
