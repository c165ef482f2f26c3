/** The data an action answers with, before it is encoded as JSON, XML or NVP. */
export interface ApiReply {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

export type ResponseType = 'json' | 'xml' | 'nvp';

export function success(fields: Readonly<Record<string, unknown>> = {}): ApiReply {
  return { status: 200, body: { result: 'success', ...fields } };
}

/** A business error: WHMCS answers these with HTTP 200. */
export function failure(message: string, status = 200): ApiReply {
  return { status, body: { result: 'error', message } };
}

/** Thrown by an action to answer with a business error. */
export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status = 200,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
