export enum WhmcsErrorCode {
  /** HTTP 403: bad credentials, IP not allowed or banned, missing API permission, a WAF. */
  Forbidden = 'WHMCS_FORBIDDEN',
  /** 5xx, timeout, network failure or an HTML page instead of JSON: try again later. */
  Unavailable = 'WHMCS_UNAVAILABLE',
  /** WHMCS answered `result: error` (ticket not found, invalid status, ...). */
  Rejected = 'WHMCS_REJECTED',
  /** JSON that does not have the shape the action documents. */
  InvalidResponse = 'WHMCS_INVALID_RESPONSE',
}

/** A failed WHMCS API call; `retryable` says whether asking again later can help. */
export class WhmcsException extends Error {
  constructor(
    readonly code: WhmcsErrorCode,
    readonly action: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`WHMCS ${action}: ${message}`, options);
    this.name = 'WhmcsException';
  }

  /** The message WHMCS itself gave, without the action prefix. */
  get detail(): string {
    return this.message.slice(`WHMCS ${this.action}: `.length);
  }

  get retryable(): boolean {
    switch (this.code) {
      case WhmcsErrorCode.Unavailable:
        return true;
      case WhmcsErrorCode.Forbidden:
      case WhmcsErrorCode.Rejected:
      case WhmcsErrorCode.InvalidResponse:
        return false;
    }
  }
}

export function isWhmcsError(error: unknown, code: WhmcsErrorCode): error is WhmcsException {
  return error instanceof WhmcsException && error.code === code;
}
