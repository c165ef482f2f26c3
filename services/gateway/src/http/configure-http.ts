import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';

import { PRODUCT_VERSION, REFRESH_COOKIE } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';

import type { GatewayConfig } from '../config/gateway.config';
import { bodyErrorHandler } from './body-error.handler';
import { serveConsole } from './console-static';
import { HttpExceptionFilter } from './http-exception.filter';
import { requestContext } from './request-context.middleware';

const JSON_LIMIT = '1mb';

/** Security headers, limits, CORS, error shape, OpenAPI and the console. */
export function configureHttp(config: GatewayConfig, logger: Logger) {
  return (nest: INestApplication): void => {
    const app = nest as NestExpressApplication;
    app.disable('x-powered-by');
    app.set('trust proxy', 'loopback, linklocal, uniquelocal');
    app.use(requestContext(logger));
    app.use(
      helmet({
        contentSecurityPolicy: {
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            styleSrc: ["'self'", "'unsafe-inline'"],
            imgSrc: ["'self'", 'data:'],
            fontSrc: ["'self'", 'data:'],
            connectSrc: ["'self'"],
            objectSrc: ["'none'"],
            frameAncestors: ["'none'"],
          },
        },
      }),
    );
    app.useBodyParser('json', { limit: JSON_LIMIT });
    app.use(bodyErrorHandler(logger));
    app.enableCors({
      origin: config.corsOrigins.length === 0 ? false : [...config.corsOrigins],
      credentials: true,
    });
    app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
    app.useGlobalFilters(new HttpExceptionFilter(logger));

    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Deskpilot API')
        .setDescription('Support copilot for hosting companies that run WHMCS')
        .setVersion(PRODUCT_VERSION)
        .addBearerAuth()
        .addCookieAuth(
          REFRESH_COOKIE,
          { type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE },
          REFRESH_COOKIE,
        )
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document);
    serveConsole(app, config.consoleDir, logger);
  };
}
