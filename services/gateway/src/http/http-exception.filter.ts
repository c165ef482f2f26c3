import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';

import { BrokerUnavailableError, RemoteError, RpcTimeoutError } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';

import { hasRetryAfter } from './retry-after';

/** Error codes that services send back over the bus, and the HTTP status each one means. */
const REMOTE_STATUS: Record<string, HttpStatus> = {
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  INVALID_REQUEST: HttpStatus.BAD_REQUEST,
  VALIDATION: HttpStatus.BAD_REQUEST,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  NO_ROUTE: HttpStatus.SERVICE_UNAVAILABLE,
};

interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string | string[];
}

/**
 * Every error leaves the API as `{ statusCode, error, message }`. Stack traces and internal
 * messages stay in the logs.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception }, 'Request failed');
    }
    if (!response.headersSent) {
      if (hasRetryAfter(exception)) {
        response.setHeader(
          'Retry-After',
          String(Math.max(1, Math.ceil(exception.retryAfterSeconds))),
        );
      }
      response.status(body.statusCode).json(body);
    }
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'object' && 'message' in payload
          ? (payload as { message: string | string[] }).message
          : exception.message;
      return { statusCode: status, error: statusText(status), message };
    }
    if (exception instanceof RemoteError) {
      const status: number = REMOTE_STATUS[exception.code] ?? HttpStatus.INTERNAL_SERVER_ERROR;
      const message = status >= 500 ? 'A service failed to handle the request' : exception.message;
      return { statusCode: status, error: statusText(status), message };
    }
    if (exception instanceof RpcTimeoutError) {
      return this.unavailable(HttpStatus.GATEWAY_TIMEOUT, 'A service did not answer in time');
    }
    if (exception instanceof BrokerUnavailableError) {
      return this.unavailable(HttpStatus.SERVICE_UNAVAILABLE, 'The message broker is unavailable');
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: statusText(HttpStatus.INTERNAL_SERVER_ERROR),
      message: 'Internal server error',
    };
  }

  private unavailable(status: HttpStatus, message: string): ErrorBody {
    return { statusCode: status, error: statusText(status), message };
  }
}

/** `Too Many Requests` for 429: the `error` field of the error body. */
export function statusText(status: number): string {
  const name = HttpStatus[status];
  return name === undefined
    ? 'Error'
    : name
        .toLowerCase()
        .split('_')
        .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
        .join(' ');
}
