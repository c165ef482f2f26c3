import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { Logger } from '@deskpilot/observability';

/**
 * Serves the built Angular console; any non-API path falls back to index.html so deep links
 * work. If the console was not built, the API still runs and the root explains how to build it.
 */
export function serveConsole(
  app: NestExpressApplication,
  consoleDir: string,
  logger: Logger,
): void {
  const index = join(consoleDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ consoleDir }, 'Console not built; run `npm run build` to serve it');
  }
  app.useStaticAssets(consoleDir, { index: false, maxAge: '1h', immutable: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPage = request.method === 'GET' && !/^\/(api|metrics)(\/|$)/.test(request.path);
    if (!isPage) {
      next();
      return;
    }
    if (!existsSync(index)) {
      response
        .status(404)
        .type('text/plain')
        .send('The console is not built. Run `npm run build`.');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
