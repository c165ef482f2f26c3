import type { Logger } from '@deskpilot/observability';

import type { WhmcsConnectionConfig } from '../config/whmcs-sync.config';
import { WhmcsErrorCode, WhmcsException } from './whmcs.exception';

export type WhmcsParams = Readonly<Record<string, string | number | boolean | undefined>>;

const API_PATH = '/includes/api.php';

/**
 * One POST to `includes/api.php`: form-encoded (PHP does not read JSON bodies), credentials and
 * `responsetype=json` on every call, booleans as `1` (PHP reads the string "false" as true, so
 * false is left out). Classifies every failure; never logs the credential.
 */
export class WhmcsTransport {
  private readonly endpoint: string;

  constructor(
    private readonly connection: WhmcsConnectionConfig,
    private readonly logger: Logger,
  ) {
    this.endpoint = `${connection.url}${API_PATH}`;
  }

  async call(action: string, params: WhmcsParams = {}): Promise<Record<string, unknown>> {
    const body = new URLSearchParams({
      action,
      identifier: this.connection.identifier,
      secret: this.connection.secret,
      responsetype: 'json',
    });
    if (this.connection.accessKey !== undefined) {
      body.set('accesskey', this.connection.accessKey);
    }
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined || value === false) {
        continue;
      }
      body.set(key, value === true ? '1' : String(value));
    }

    const started = performance.now();
    let response: Response;
    let raw: string;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body,
        signal: AbortSignal.timeout(this.connection.timeoutMs),
      });
      raw = await response.text();
    } catch (error) {
      // A DOMException, which is not an Error in every realm.
      const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
      throw this.fail(
        WhmcsErrorCode.Unavailable,
        action,
        timedOut
          ? `no answer within ${this.connection.timeoutMs} ms`
          : `request failed (${describe(error)})`,
        error,
      );
    }
    const ms = Math.round(performance.now() - started);
    const json = parseJsonObject(raw);
    this.logger.debug({ action, status: response.status, ms }, 'WHMCS call');

    if (response.status === 403) {
      throw this.fail(
        WhmcsErrorCode.Forbidden,
        action,
        json === undefined
          ? 'HTTP 403 with a non-JSON body (a firewall in front of WHMCS refused the call)'
          : `HTTP 403 ${textOf(json['message'])}`,
      );
    }
    if (response.status >= 500) {
      throw this.fail(WhmcsErrorCode.Unavailable, action, `HTTP ${response.status}`);
    }
    if (json === undefined) {
      throw this.fail(
        WhmcsErrorCode.Unavailable,
        action,
        `HTTP ${response.status} answered ${looksLikeHtml(raw) ? 'an HTML page' : 'text'} instead of JSON`,
      );
    }
    if (json['result'] !== 'success') {
      throw this.fail(
        WhmcsErrorCode.Rejected,
        action,
        textOf(json['message']) || `HTTP ${response.status} without a success result`,
      );
    }
    return json;
  }

  private fail(
    code: WhmcsErrorCode,
    action: string,
    message: string,
    cause?: unknown,
  ): WhmcsException {
    return new WhmcsException(code, action, message, cause === undefined ? undefined : { cause });
  }
}

function parseJsonObject(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function looksLikeHtml(raw: string): boolean {
  return /<(!doctype|html|br|b|body|h1)\b/i.test(raw.slice(0, 500));
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
