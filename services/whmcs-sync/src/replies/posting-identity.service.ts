import { Inject, Injectable } from '@nestjs/common';

import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
import { SyncStateRepository } from '../sync/sync-state.repository';
import { WhmcsClient } from '../whmcs/whmcs-client';

/**
 * The author WHMCS shows on posted replies (`adminusername`, stored verbatim): WHMCS_ADMIN_USERNAME
 * when set, otherwise the name of the admin the API credential belongs to. The person who approved
 * the reply is recorded in the sent-reply history, not shown to the customer.
 */
@Injectable()
export class PostingIdentityService {
  private cached: string | null = null;

  constructor(
    private readonly whmcs: WhmcsClient,
    private readonly state: SyncStateRepository,
    @Inject(WHMCS_SYNC_CONFIG) private readonly config: WhmcsSyncConfig,
  ) {}

  async postAs(): Promise<string> {
    if (this.config.adminUsername !== undefined) {
      return this.config.adminUsername;
    }
    if (this.cached !== null) {
      return this.cached;
    }
    const stored = (await this.state.get())?.apiAdminName ?? null;
    const name = stored ?? (await this.whmcs.adminDetails()).name;
    this.cached = name;
    return name;
  }

  /** Called with what GetAdminDetails said at start-up. */
  remember(apiAdminName: string): void {
    this.cached = apiAdminName;
  }
}
