import type { Request, Response } from 'express';
import pino from 'pino';

import { bodyErrorHandler } from './body-error.handler';

function response() {
  const res = { headersSent: false, status: jest.fn(), json: jest.fn() };
  res.status.mockReturnValue(res);
  return res;
}

describe(bodyErrorHandler.name, () => {
  const sut = bodyErrorHandler(pino({ level: 'silent' }));

  it('should answer body-parser errors with the error shape', () => {
    const res = response();

    sut(
      { status: 413, type: 'entity.too.large' },
      {} as Request,
      res as unknown as Response,
      jest.fn(),
    );

    expect(res.status).toHaveBeenCalledWith(413);
    expect(res.json).toHaveBeenCalledWith({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'The request body is too large',
    });
  });

  it('should hide the details of anything else', () => {
    const res = response();

    sut(new Error('secret internals'), {} as Request, res as unknown as Response, jest.fn());

    expect(res.json).toHaveBeenCalledWith({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
    });
  });
});
