import { createHash } from 'node:crypto';

import type { RequestParams } from '../php/request-params';
import type { AdminUser, ApiCredential } from '../state/model';
import type { ApiReply } from './api-reply';
import { failure } from './api-reply';

export interface AccessSettings {
  readonly credentials: readonly ApiCredential[];
  /** `$api_access_key` of configuration.php; lets callers skip the IP allow list. */
  readonly accessKey: string | undefined;
  /** API IP Access Restriction; `any` switches it off. */
  readonly allowedIps: readonly string[] | 'any';
  /** Failed logins from one IP before WHMCS bans it. */
  readonly banAfterFailures: number;
}

/** Who is calling: the admin the credential belongs to and what its API role allows. */
export interface ApiPrincipal {
  readonly admin: AdminUser;
  readonly allowedActions: readonly string[] | 'all';
}

export type GateResult =
  | { readonly ok: true; readonly principal: ApiPrincipal }
  | { readonly ok: false; readonly reply: ApiReply };

const forbidden = (message: string): GateResult => ({ ok: false, reply: failure(message, 403) });

/**
 * The checks `includes/api.php` makes before it runs an action, in its order: banned IP, access
 * key or IP allow list, credentials (API credential or legacy admin login), then the API role.
 * Failed logins count towards an IP ban, as failed admin logins do in WHMCS.
 */
export class ApiGatekeeper {
  private readonly failures = new Map<string, number>();
  private readonly banned = new Set<string>();

  constructor(
    private readonly settings: AccessSettings,
    private readonly admins: () => readonly AdminUser[],
  ) {}

  authenticate(params: RequestParams, ip: string): GateResult {
    if (this.banned.has(ip)) {
      return forbidden('IP Banned');
    }
    const accessKey = params.raw('accesskey');
    if (accessKey !== undefined && accessKey !== '') {
      if (this.settings.accessKey === undefined || accessKey !== this.settings.accessKey) {
        return forbidden('Invalid Access Key');
      }
    } else if (this.settings.allowedIps !== 'any' && !this.settings.allowedIps.includes(ip)) {
      return forbidden(`Invalid IP ${ip.replace(/^::ffff:/, '')}`);
    }
    const result = this.login(params);
    if (!result.ok) {
      this.countFailure(ip);
    }
    return result;
  }

  /** API roles whitelist actions; the message names the action lower-cased, as WHMCS does. */
  authorise(principal: ApiPrincipal, action: string): ApiReply | undefined {
    if (principal.allowedActions === 'all' || principal.allowedActions.includes(action)) {
      return undefined;
    }
    return failure(`Invalid Permissions: API action "${action}" is not allowed`, 403);
  }

  ban(ip: string): void {
    this.banned.add(ip);
  }

  bannedIps(): string[] {
    return [...this.banned];
  }

  reset(): void {
    this.failures.clear();
    this.banned.clear();
  }

  private login(params: RequestParams): GateResult {
    const identifier = params.text('identifier') || params.text('username');
    const secret = params.raw('secret') ?? params.raw('password') ?? '';
    if (identifier === '') {
      return forbidden('Authentication Failed');
    }
    const credential = this.settings.credentials.find((item) => item.identifier === identifier);
    if (credential !== undefined) {
      if (secret === '') {
        return forbidden('Invalid or missing credentials');
      }
      if (secret !== credential.secret) {
        return forbidden('Authentication Failed');
      }
      return this.principal(credential.adminId, credential.allowedActions);
    }
    if (params.has('identifier')) {
      return forbidden('Invalid or missing credentials');
    }
    const admin = this.admins().find((candidate) => candidate.username === identifier);
    if (admin === undefined || md5(admin.password) !== secret.toLowerCase()) {
      return forbidden('Authentication Failed');
    }
    return this.principal(admin.id, 'all');
  }

  private principal(adminId: number, allowedActions: readonly string[] | 'all'): GateResult {
    const admin = this.admins().find((candidate) => candidate.id === adminId);
    if (admin === undefined) {
      return forbidden('Invalid or missing credentials');
    }
    if (admin.disabled) {
      return forbidden('Administrator Account Disabled');
    }
    return { ok: true, principal: { admin, allowedActions } };
  }

  private countFailure(ip: string): void {
    const count = (this.failures.get(ip) ?? 0) + 1;
    this.failures.set(ip, count);
    if (count >= this.settings.banAfterFailures) {
      this.banned.add(ip);
    }
  }
}

export function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
