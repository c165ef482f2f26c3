import type { NextFunction, Request, Response } from 'express';

import type { Logger } from '@deskpilot/observability';
import {
  CORRELATION_HEADER,
  acceptCorrelationId,
  counter,
  histogram,
  runWithCorrelation,
} from '@deskpilot/observability';

import type { RequestScope } from './request-scope';
import { runInRequestScope } from './request-scope';

const requests = counter('deskpilot_http_requests_total', 'HTTP requests served by the gateway', [
  'method',
  'status',
]);
const duration = histogram(
  'deskpilot_http_request_seconds',
  'HTTP request duration at the gateway',
  ['method'],
  [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
);

const MAX_USER_AGENT = 512;

/**
 * Gives every request a correlation id (the caller's, if it sent a sane one), echoes it in the
 * response, opens the request scope (client address, user agent) and logs one line per request
 * when it finishes.
 */
export function requestContext(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const correlationId = acceptCorrelationId(request.headers[CORRELATION_HEADER]);
    response.setHeader(CORRELATION_HEADER, correlationId);
    const started = process.hrtime.bigint();
    const scope: RequestScope = {
      ip: request.ip ?? null,
      userAgent: request.get('user-agent')?.slice(0, MAX_USER_AGENT) ?? null,
      correlationId,
      actor: null,
    };
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      requests.inc({ method: request.method, status: String(response.statusCode) });
      duration.observe({ method: request.method }, seconds);
      runWithCorrelation(correlationId, () => {
        logger.info(
          {
            method: request.method,
            url: request.originalUrl,
            status: response.statusCode,
            ms: Math.round(seconds * 1000),
            ...(scope.actor === null ? {} : { userId: scope.actor.id }),
          },
          'request',
        );
      });
    });
    runWithCorrelation(correlationId, () => {
      runInRequestScope(scope, next);
    });
  };
}
