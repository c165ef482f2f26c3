import type { RequestParams } from '../php/request-params';
import type { TicketStore } from '../state/ticket-store';
import type { ApiPrincipal } from './api-gatekeeper';
import type { ApiReply } from './api-reply';

export interface ActionContext {
  readonly store: TicketStore;
  readonly principal: ApiPrincipal;
  readonly params: RequestParams;
  /** `whmcs.version` reported by GetAdminDetails. */
  readonly version: string;
}

export interface ApiAction {
  /** Normalised name (lower-case, alphanumerics only). */
  readonly name: string;
  /** List-type actions answer XML when no response type is given and refuse NVP. */
  readonly structured: boolean;
  run(context: ActionContext): ApiReply;
}
