import { Inject, Injectable } from '@nestjs/common';

import type { Actor, ReplyAuthor } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
import { SyncStateRepository } from '../sync/sync-state.repository';
import { WhmcsClient } from '../whmcs/whmcs-client';
import { WhmcsErrorCode, WhmcsException } from '../whmcs/whmcs.exception';

/* Admin names and signatures change rarely; a changed one is used this long after. */
const ADMIN_LOOKUP_TTL_MS = 10 * 60_000;

/**
 * The author of posted replies. With WHMCS_REPLY_AUTHOR=integration (the default) every reply is
 * from WHMCS_ADMIN_USERNAME when set, otherwise from the admin the API credential belongs to, and
 * the person who approved it is recorded in the sent-reply history only. With `approver` a reply
 * is from the WHMCS admin whose email is the approver's, signed with that admin's WHMCS signature
 * (the API, unlike the admin area, adds none); an approver without an enabled WHMCS admin, or an
 * API role that may not list admins, falls back to the integration's author. The integration's
 * author signs with WHMCS_REPLY_SIGNATURE when it is set.
 */
@Injectable()
export class PostingIdentityService {
  private cached: string | null = null;
  private readonly admins = new Map<string, { author: ReplyAuthor | null; until: number }>();

  constructor(
    private readonly whmcs: WhmcsClient,
    private readonly state: SyncStateRepository,
    @Inject(WHMCS_SYNC_CONFIG) private readonly config: WhmcsSyncConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The author of a reply approved by `approver`; throws when WHMCS cannot be reached. */
  async authorFor(approver: Actor | null): Promise<ReplyAuthor> {
    const email = approver?.email;
    if (this.config.replyAuthor === 'approver' && email !== undefined) {
      const admin = await this.adminWithEmail(email);
      if (admin !== null) {
        return admin;
      }
    }
    return {
      name: await this.postAs(),
      signature: this.config.replySignature ?? null,
      source: 'integration',
    };
  }

  /** Called with what GetAdminDetails said at start-up. */
  remember(apiAdminName: string): void {
    this.cached = apiAdminName;
  }

  private async postAs(): Promise<string> {
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

  private async adminWithEmail(email: string): Promise<ReplyAuthor | null> {
    const key = email.trim().toLowerCase();
    const known = this.admins.get(key);
    if (known !== undefined && known.until > Date.now()) {
      return known.author;
    }
    let author: ReplyAuthor | null;
    try {
      const [admin] = await this.whmcs.adminUsersByEmail(key);
      const name = admin === undefined ? '' : `${admin.firstname} ${admin.lastname}`.trim();
      author =
        admin === undefined
          ? null
          : {
              name: name || admin.username,
              signature: admin.signature.trim() || null,
              source: 'approver',
            };
    } catch (error) {
      if (!mayNotListAdmins(error)) {
        throw error;
      }
      this.logger.warn(
        { err: error.detail },
        'WHMCS did not list its admins (allow GetAdminUsers in the API role); replies are posted as the integration admin',
      );
      author = null;
    }
    if (author === null) {
      this.logger.info({ email: key }, 'No enabled WHMCS admin has this email');
    }
    this.admins.set(key, { author, until: Date.now() + ADMIN_LOOKUP_TTL_MS });
    return author;
  }
}

/**
 * WHMCS refused GetAdminUsers itself: an error result, or a 403 for the API role's missing
 * permission (not a failed login, so no reason to stop talking to WHMCS).
 */
function mayNotListAdmins(error: unknown): error is WhmcsException {
  return (
    error instanceof WhmcsException &&
    (error.code === WhmcsErrorCode.Rejected ||
      (error.code === WhmcsErrorCode.Forbidden && /invalid permissions/i.test(error.detail)))
  );
}
