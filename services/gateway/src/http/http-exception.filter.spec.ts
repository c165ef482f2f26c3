import type { ArgumentsHost } from '@nestjs/common';
import { BadRequestException, NotFoundException } from '@nestjs/common';

import { BrokerUnavailableError, RemoteError, RpcTimeoutError } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';

import { HttpExceptionFilter } from './http-exception.filter';

const logger = createLogger({ service: 'test', instanceId: 'test', level: 'silent' });

function respond(exception: unknown): { status: number; body: unknown } {
  const sent: { status: number; body: unknown } = { status: 0, body: undefined };
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new HttpExceptionFilter(logger).catch(exception, host);
  return sent;
}

describe(HttpExceptionFilter.name, () => {
  it('should keep the status and message of an HTTP exception', () => {
    expect(respond(new NotFoundException('No such document'))).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'No such document' },
    });
  });

  it('should pass validation messages through as a list', () => {
    const result = respond(new BadRequestException(['email must be an email']));

    expect(result.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['email must be an email'],
    });
  });

  it('should map the error code a service sent back to its HTTP status', () => {
    expect(respond(new RemoteError('x', 'NOT_FOUND', 'No document d-1')).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No document d-1',
    });
    expect(respond(new RemoteError('x', 'CONFLICT', 'Same content exists')).status).toBe(409);
  });

  it('should hide the message of an unexpected service failure', () => {
    expect(respond(new RemoteError('x', 'INTERNAL', 'relation "ingest.x" does not exist'))).toEqual(
      {
        status: 500,
        body: {
          statusCode: 500,
          error: 'Internal Server Error',
          message: 'A service failed to handle the request',
        },
      },
    );
  });

  it('should answer 504 when a service did not answer and 503 when the broker is down', () => {
    expect(respond(new RpcTimeoutError('retrieval.search', 3000)).status).toBe(504);
    expect(respond(new BrokerUnavailableError('closed')).status).toBe(503);
  });

  it('should never leak the message or stack of an unknown error', () => {
    const result = respond(new TypeError('Cannot read properties of undefined (reading "id")'));

    expect(result).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' },
    });
    expect(JSON.stringify(result.body)).not.toContain('TypeError');
  });
});
