import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, HttpStatus, Inject, PayloadTooLargeException } from '@nestjs/common';
import type { Response } from 'express';

import type { ApiError } from '@deskpilot/contracts';

import { GATEWAY_CONFIG } from '../config/gateway-config.module';
import type { GatewayConfig } from '../config/gateway.config';
import { statusText } from '../http/http-exception.filter';
import { formatMegabytes } from './documents.service';

/** A file over UPLOAD_MAX_MB: a 413 that names the limit instead of multer's "File too large". */
@Catch(PayloadTooLargeException)
export class UploadLimitFilter implements ExceptionFilter {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body: ApiError = {
      statusCode: HttpStatus.PAYLOAD_TOO_LARGE,
      error: statusText(HttpStatus.PAYLOAD_TOO_LARGE),
      message: `A file is larger than the upload limit of ${formatMegabytes(this.config.uploadMaxBytes)}.`,
    };
    if (!response.headersSent) {
      response.status(body.statusCode).json(body);
    }
  }
}
