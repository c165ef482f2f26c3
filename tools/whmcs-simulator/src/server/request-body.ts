import type { IncomingMessage } from 'node:http';

import { phpVariableName } from '../php/php-values';
import { RequestParams } from '../php/request-params';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super('Request body too large');
    this.name = 'BodyTooLargeError';
  }
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new BodyTooLargeError();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * PHP's view of a request: `$_GET` from the query string merged with `$_POST`, which PHP fills
 * from form-encoded bodies (later values win). A JSON body is not parsed at all, so a client that
 * posts JSON sends no credentials. Multipart bodies are not simulated.
 */
export function phpRequestParams(
  url: URL,
  contentType: string | undefined,
  body: Buffer,
): RequestParams {
  const values = new Map<string, string>();
  const merge = (params: URLSearchParams): void => {
    for (const [key, value] of params) {
      values.set(phpVariableName(key), value);
    }
  };
  merge(url.searchParams);
  if ((contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    merge(new URLSearchParams(body.toString('utf8')));
  }
  return new RequestParams(values);
}
