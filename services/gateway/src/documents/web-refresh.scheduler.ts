import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { ClaimWebRefreshesResponse } from '@deskpilot/contracts';
import { AuditAction, KnowledgeRpc } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { AuditService } from '../audit/audit.service';
import { GATEWAY_CONFIG } from '../config/gateway-config.module';
import type { GatewayConfig } from '../config/gateway.config';
import type { DocumentActor } from './documents.service';
import { WebImportService } from './web-import.service';

type Claimed = ClaimWebRefreshesResponse['documents'][number];

/* Web documents one replica claims per request to ingest. */
const PER_CLAIM = 20;
/* Rounds are this far apart at most, so a refresh is late by no more than this. */
const LONGEST_PAUSE_MS = 5 * 60 * 1_000;
const RPC_TIMEOUT_MS = 15_000;
/** Whom a scheduled refresh is recorded as, in the document table. */
const WEB_REFRESH: DocumentActor = { id: 'system:web-refresh', name: 'Web refresh' };

/**
 * Fetches each web document again `WEB_IMPORT_REFRESH_HOURS` after its last fetch, so that the
 * knowledge base follows the help centre it was imported from, and every web document at once
 * when an administrator asks. Every replica runs rounds; ingest hands each due document to one
 * of them. A page that cannot be fetched is left as it is, with the reason recorded on it, until
 * the next period.
 */
@Injectable()
export class WebRefreshScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private requested: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly bus: MessageBus,
    private readonly webImport: WebImportService,
    private readonly audit: AuditService,
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

  /** Lets the document being fetched finish; the rest wait for their next period. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await Promise.all([this.round, this.requested]);
  }

  /** One round: the documents due now, fetched one after another until none is due. */
  async run(): Promise<void> {
    for (;;) {
      let due: Claimed[];
      try {
        due = await this.claim(new Date(Date.now() - this.config.webImport.refreshMs));
      } catch (error) {
        this.logger.warn(
          { err: String(error) },
          'Web documents due for a refresh could not be read',
        );
        return;
      }
      await this.refreshEach(due, WEB_REFRESH);
      if (due.length < PER_CLAIM || this.stopping) {
        return;
      }
    }
  }

  /**
   * Claims every web document now and fetches them again in the background, one after another,
   * as refreshed by `actor`; answers how many there are. Each records its outcome as a scheduled
   * refresh does.
   */
  async refreshAll(actor: DocumentActor): Promise<number> {
    const before = new Date();
    const claimed = new Map<string, Claimed>();
    for (;;) {
      const batch = await this.claim(before);
      const fresh = batch.filter((document) => !claimed.has(document.documentId));
      fresh.forEach((document) => claimed.set(document.documentId, document));
      if (batch.length < PER_CLAIM || fresh.length === 0) {
        break;
      }
    }
    const documents = [...claimed.values()];
    this.requested = this.requested.then(() => this.refreshEach(documents, actor));
    await this.audit.record({
      action: AuditAction.WebDocumentsRefreshed,
      details: { queued: documents.length },
    });
    return documents.length;
  }

  private async refreshEach(documents: readonly Claimed[], actor: DocumentActor): Promise<void> {
    for (const document of documents) {
      if (this.stopping) {
        return;
      }
      try {
        const { outcome } = await this.webImport.refresh(document.documentId, actor);
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

  private async claim(checkedBefore: Date): Promise<Claimed[]> {
    const { documents } = await this.bus.request(
      KnowledgeRpc.ClaimWebRefreshes,
      { checkedBefore: checkedBefore.toISOString(), limit: PER_CLAIM },
      { timeoutMs: RPC_TIMEOUT_MS },
    );
    return documents;
  }
}
