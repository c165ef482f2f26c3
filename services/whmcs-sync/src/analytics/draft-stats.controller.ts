import { Controller } from '@nestjs/common';

import type { DraftStatsResponse, RpcRequest } from '@deskpilot/contracts';
import { AnalyticsRpc } from '@deskpilot/contracts';
import { OnRequest } from '@deskpilot/messaging';

import { toDraftStatsResponse } from './draft-stats';
import { DraftStatsRepository } from './draft-stats.repository';

/** How reviewers received the drafts, per hour or day, for the console's analytics. */
@Controller()
export class DraftStatsController {
  constructor(private readonly repository: DraftStatsRepository) {}

  @OnRequest(AnalyticsRpc.DraftStats)
  async stats(request: RpcRequest<typeof AnalyticsRpc.DraftStats>): Promise<DraftStatsResponse> {
    const rows = await this.repository.stats({
      from: new Date(request.from),
      to: new Date(request.to),
      bucket: request.bucket,
      timeZone: request.timeZone,
    });
    return toDraftStatsResponse(rows);
  }
}
