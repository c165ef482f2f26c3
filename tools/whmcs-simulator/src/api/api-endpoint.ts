import { setTimeout as sleep } from 'node:timers/promises';

import type { FaultDecision } from '../faults/fault-injector';
import { normaliseActionName } from '../php/php-values';
import type { RequestParams } from '../php/request-params';
import type { SimulatorState } from '../simulator-state';
import { findAction } from './action-registry';
import type { ApiAction } from './api-action';
import type { ApiReply, ResponseType } from './api-reply';
import { ApiFailure, failure } from './api-reply';
import type { EncodedResponse } from './response-encoder';
import { encodeReply } from './response-encoder';

/** What the HTTP layer does with a call: answer it, or hold it and then drop the connection. */
export type ApiOutcome =
  | { readonly kind: 'respond'; readonly response: EncodedResponse }
  | { readonly kind: 'hang'; readonly holdMs: number };

const PHP_FATAL_PAGE = `<br />
<b>Fatal error</b>:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /home/whmcs/public_html/vendor/illuminate/database/Connectors/Connector.php:70
Stack trace:
#0 {main}
  thrown in <b>/home/whmcs/public_html/vendor/illuminate/database/Connectors/Connector.php</b> on line <b>70</b><br />`;

const SERVER_ERROR_PAGE = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head><title>500 Internal Server Error</title></head><body>
<h1>Internal Server Error</h1>
<p>The server encountered an internal error or misconfiguration and was unable to complete your request.</p>
</body></html>`;

const WAF_PAGE = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head><title>403 Forbidden</title></head><body>
<h1>Forbidden</h1>
<p>You don't have permission to access this resource.</p>
<hr><address>Apache Server at whmcs.brightnest-hosting.example Port 443</address>
</body></html>`;

const STRUCTURED_ONLY = 'This API action only supports the XML or JSON response type formats';

function html(status: number, text: string): ApiOutcome {
  return { kind: 'respond', response: { status, contentType: 'text/html; charset=UTF-8', text } };
}

/**
 * `includes/api.php`: faults first (they stand for what sits in front of WHMCS or breaks inside
 * it), then access and credential checks, the API role, and the action itself.
 */
export class ApiEndpoint {
  constructor(private readonly state: SimulatorState) {}

  async handle(params: RequestParams, ip: string): Promise<ApiOutcome> {
    const name = normaliseActionName(params.text('action'));
    const action = findAction(name);
    const decision = this.state.faults.decide(name);
    if (decision.delayMs > 0) {
      await sleep(decision.delayMs);
    }
    const outcome = this.process(params, ip, name, action, decision);
    this.log(name, params.text('ticketid'), outcome, decision);
    return outcome;
  }

  private process(
    params: RequestParams,
    ip: string,
    name: string,
    action: ApiAction | undefined,
    decision: FaultDecision,
  ): ApiOutcome {
    const requested = params.text('responsetype').toLowerCase();
    const type: ResponseType =
      requested === 'json' || requested === 'xml' || requested === 'nvp'
        ? requested
        : action?.structured === true
          ? 'xml'
          : 'nvp';
    const respond = (reply: ApiReply, as: ResponseType = type): ApiOutcome => ({
      kind: 'respond',
      response: encodeReply(reply, as, name, this.state.settings.version),
    });

    switch (decision.failure?.kind) {
      case 'http-500':
        return html(500, SERVER_ERROR_PAGE);
      case 'html-page':
        return html(200, PHP_FATAL_PAGE);
      case 'hang':
        return { kind: 'hang', holdMs: decision.failure.delayMs };
      case 'ip-banned':
        return respond(failure('IP Banned', 403));
      case 'auth-failed':
        return respond(failure('Authentication Failed', 403));
      case 'waf-403':
        return html(403, WAF_PAGE);
      case 'written-then-500':
      case 'written-then-error':
      case 'written-then-hang':
      case undefined:
        break;
    }

    const gate = this.state.gatekeeper.authenticate(params, ip);
    if (!gate.ok) {
      return respond(gate.reply);
    }
    if (name === '') {
      return respond(failure('Empty action request', 400));
    }
    const denied = this.state.gatekeeper.authorise(gate.principal, name);
    if (denied !== undefined) {
      return respond(denied);
    }
    if (action === undefined) {
      return respond(failure('Command Not Found'));
    }
    if (action.structured && type === 'nvp') {
      return respond(failure(STRUCTURED_ONLY), 'nvp');
    }

    const reply = this.run(action, params, gate.principal);
    const after = decision.failure;
    if (after?.kind === 'written-then-500') {
      return html(500, SERVER_ERROR_PAGE);
    }
    if (after?.kind === 'written-then-error') {
      return respond(failure('An error occurred while sending the ticket notification email'));
    }
    if (after?.kind === 'written-then-hang') {
      return { kind: 'hang', holdMs: after.delayMs };
    }
    return respond(reply);
  }

  private run(
    action: ApiAction,
    params: RequestParams,
    principal: Parameters<ApiAction['run']>[0]['principal'],
  ): ApiReply {
    try {
      return action.run({
        store: this.state.store,
        principal,
        params,
        version: this.state.settings.version,
      });
    } catch (error) {
      if (error instanceof ApiFailure) {
        return failure(error.message, error.status);
      }
      throw error;
    }
  }

  private log(
    action: string,
    ticketId: string,
    outcome: ApiOutcome,
    decision: FaultDecision,
  ): void {
    let message = '';
    if (outcome.kind === 'respond' && outcome.response.contentType === 'application/json') {
      const body = JSON.parse(outcome.response.text) as { result?: string; message?: string };
      message = body.result === 'error' ? (body.message ?? '') : '';
    }
    this.state.calls.record({
      at: new Date().toISOString(),
      action,
      ticketId,
      status: outcome.kind === 'respond' ? outcome.response.status : 0,
      message,
      fault: decision.failure?.kind ?? (decision.delayMs > 0 ? 'slow' : null),
    });
  }
}
