import type { NextFunction, Request, Response } from 'express';

import type { Logger } from '@deskpilot/observability';

import { statusText } from './http-exception.filter';

interface BodyParserError {
  readonly status?: unknown;
  readonly type?: unknown;
}

const MESSAGES: Record<string, string> = {
  'entity.too.large': 'The request body is too large',
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.verify.failed': 'The request body was rejected',
  'encoding.unsupported': 'The request body encoding is not supported',
  'charset.unsupported': 'The request body charset is not supported',
  'request.aborted': 'The request was aborted',
  'request.size.invalid': 'The request body size does not match its Content-Length',
};

/**
 * Errors raised by Express middleware before Nest sees the request (body parsing): without this,
 * Express answers with an HTML page that includes the stack trace.
 */
export function bodyErrorHandler(logger: Logger) {
  return (error: unknown, _request: Request, response: Response, next: NextFunction): void => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const { status, type } = (error ?? {}) as BodyParserError;
    const statusCode =
      typeof status === 'number' && status >= 400 && status < 600 ? Math.trunc(status) : 500;
    if (statusCode >= 500) {
      logger.error({ err: error }, 'Request failed before routing');
    }
    const message =
      statusCode >= 500
        ? 'Internal server error'
        : ((typeof type === 'string' ? MESSAGES[type] : undefined) ?? statusText(statusCode));
    response.status(statusCode).json({ statusCode, error: statusText(statusCode), message });
  };
}
