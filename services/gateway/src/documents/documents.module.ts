import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';

import { MAX_FILES_PER_UPLOAD } from '@deskpilot/contracts';

import { GATEWAY_CONFIG } from '../config/gateway-config.module';
import type { GatewayConfig } from '../config/gateway.config';
import { ArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';
import { DocumentProgressConsumer } from './document-progress.consumer';
import { DocumentProgressHub } from './document-progress.hub';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { WebImportService } from './web-import.service';
import { WebRefreshScheduler } from './web-refresh.scheduler';

/**
 * The knowledge base for admins. Other features add documents through `DocumentsService.upload`
 * with a file held in memory.
 */
@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) => ({
        // Files stay in memory (multer's default storage) and go straight to S3.
        limits: { fileSize: config.uploadMaxBytes, files: MAX_FILES_PER_UPLOAD, fields: 10 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [DocumentsController, ArticlesController, DocumentProgressConsumer],
  providers: [
    DocumentsService,
    ArticlesService,
    DocumentProgressHub,
    WebImportService,
    WebRefreshScheduler,
  ],
  exports: [DocumentsService],
})
export class DocumentsModule {}
