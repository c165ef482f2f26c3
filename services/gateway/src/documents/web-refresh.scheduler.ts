import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { ClaimWebRefreshesResponse } from '@deskpilot/contracts';
import { KnowledgeRpc } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { GATEWAY_CONFIG } from '../config/gateway-config.module';
import type { GatewayConfig } from '../config/gateway.config';
import type { DocumentActor } from './documents.service';
import { WebImportService } from './web-import.service';

/* Web documents one replica claims per round. */
const PER_ROUND = 20;
/* Rounds are this far apart at most, so a refresh is late by no more than this. */
const LONGEST_PAUSE_MS = 5 * 60 * 1_000;
const RPC_TIMEOUT_MS = 15_000;
/** Whom a scheduled refresh is recorded as, in the document table. */
const WEB_REFRESH: DocumentActor = { id: 'system:web-refresh', name: 'Web refresh' };

/**
 * Fetches each web document again `WEB_IMPORT_REFRESH_HOURS` after its last fetch, so that the
 * knowledge base follows the help centre it was imported from. Every replica runs rounds;
 * ingest hands each due document to one of them. A page that cannot be fetched is left as it
 * is until the next period.
 */
@Injectable()
export class WebRefreshScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;

  constructor(
    private readonly bus: MessageBus,
    private readonly webImport: WebImportService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const { refreshMs } = this.config.webImport;
    if (refreshMs === 0) {
      return;
    }
    this.timer = setInterval(
      () => {
        this.round ??= this.run().finally(() => {
          this.round = undefined;
        });
      },
      Math.max(1_000, Math.min(refreshMs, LONGEST_PAUSE_MS)),
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  /** One round: the documents due now, fetched one after another. */
  async run(): Promise<void> {
    for (const document of await this.claimDue()) {
      try {
        const { outcome } = await this.webImport.refresh(document.documentId, WEB_REFRESH);
        this.logger.info(
          { documentId: document.documentId, title: document.title, outcome },
          'Web document refreshed',
        );
      } catch (error) {
        this.logger.warn(
          {
            documentId: document.documentId,
            title: document.title,
            sourceUrl: document.sourceUrl,
            err: String(error),
          },
          'Web document could not be refreshed; it stays as it is until its next refresh',
        );
      }
    }
  }

  private async claimDue(): Promise<ClaimWebRefreshesResponse['documents']> {
    try {
      const { documents } = await this.bus.request(
        KnowledgeRpc.ClaimWebRefreshes,
        {
          checkedBefore: new Date(Date.now() - this.config.webImport.refreshMs).toISOString(),
          limit: PER_ROUND,
        },
        { timeoutMs: RPC_TIMEOUT_MS },
      );
      return documents;
    } catch (error) {
      this.logger.warn({ err: String(error) }, 'Web documents due for a refresh could not be read');
      return [];
    }
  }
}
