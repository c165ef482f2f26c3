import { Inject, Injectable } from '@nestjs/common';

import type { TicketStatusList } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { DraftsException } from '../drafts/drafts.exception';
import { WhmcsClient } from '../whmcs/whmcs-client';

/* Statuses are configured rarely; a new one is offered this long after. */
const STATUSES_TTL_MS = 10 * 60_000;
/** WHMCS's own status after a staff reply: posting without a status leaves it. */
const ANSWERED = 'Answered';
/** The core statuses after a staff reply that exist in every install, offered without WHMCS. */
const CORE_STATUSES: TicketStatusList['statuses'] = [
  { title: ANSWERED, color: null },
  { title: 'Closed', color: null },
];

/**
 * The ticket statuses a reply can set, read from WHMCS (GetSupportStatuses) so that renamed,
 * removed and custom statuses are offered as the install has them.
 */
@Injectable()
export class TicketStatusesService {
  private cached: { list: TicketStatusList; until: number } | null = null;

  constructor(
    private readonly whmcs: WhmcsClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async list(): Promise<TicketStatusList> {
    if (this.cached !== null && this.cached.until > Date.now()) {
      return this.cached.list;
    }
    try {
      const statuses = await this.whmcs.supportStatuses();
      const list: TicketStatusList = {
        statuses: statuses
          .filter((status) => status.title !== '')
          .map((status) => ({ title: status.title, color: status.color || null })),
        fromWhmcs: true,
      };
      this.cached = { list, until: Date.now() + STATUSES_TTL_MS };
      return list;
    } catch (error) {
      this.logger.warn(
        { err: String(error) },
        'WHMCS ticket statuses not read; offering the core ones',
      );
      return { statuses: CORE_STATUSES, fromWhmcs: false };
    }
  }

  /**
   * The status a reply is posted with, spelt as WHMCS has it; null for `Answered`, which WHMCS
   * sets by itself. A status WHMCS does not list is refused; while WHMCS cannot be asked the
   * title is kept as given and WHMCS judges it when the reply is posted.
   */
  async statusToPost(title: string): Promise<string | null> {
    const wanted = title.trim().toLowerCase();
    if (wanted === ANSWERED.toLowerCase()) {
      return null;
    }
    const { statuses, fromWhmcs } = await this.list();
    const known = statuses.find((status) => status.title.toLowerCase() === wanted);
    if (known !== undefined) {
      return known.title;
    }
    if (fromWhmcs) {
      throw DraftsException.invalid(
        `WHMCS has no ticket status "${title.trim()}"; it has ${statuses.map((status) => status.title).join(', ')}`,
      );
    }
    return title.trim();
  }
}
