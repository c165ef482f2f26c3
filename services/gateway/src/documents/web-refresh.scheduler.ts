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
import { outsideRequestScope } from '../http/request-scope';
import type { DocumentActor } from './documents.service';
import { WebImportService } from './web-import.service';

type Claimed = ClaimWebRefreshesResponse['documents'][number];

/* Web documents one replica claims per request to ingest. */
const PER_CLAIM = 20;
/* Rounds are this far apart at most, so a refresh is late by no more than this. */
const LONGEST_PAUSE_MS = 5 * 60 * 1_000;
/* A claim's lease outlasts fetching the whole batch, each fetch at its timeout, by this much. */
const LEASE_MARGIN_MS = 60 * 1_000;
const RPC_TIMEOUT_MS = 15_000;
/** Whom a scheduled refresh is recorded as, in the document table. */
const WEB_REFRESH: DocumentActor = { id: 'system:web-refresh', name: 'Web refresh' };

/**
 * Fetches each web document again `WEB_IMPORT_REFRESH_HOURS` after its last fetch, so that the
 * knowledge base follows the help centre it was imported from, and every web document when an
 * administrator asks. Every replica runs rounds; ingest leases each due document to one of them,
 * so the replicas share the work, and a document whose replica stopped before fetching it is due
 * again when its lease runs out. A page that cannot be fetched is left as it is, with the reason
 * recorded on it, until the next period.
 */
@Injectable()
export class WebRefreshScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  /** Set when a round is asked for while one runs: it goes on claiming once more. */
  private again = false;
  private stopping = false;

  constructor(
    private readonly bus: MessageBus,
    private readonly webImport: WebImportService,
    private readonly audit: AuditService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Rounds run even with the scheduled refresh off, to finish what administrators asked for and
   * a stopped replica left.
   */
  onApplicationBootstrap(): void {
    const { refreshMs } = this.config.webImport;
    const pause = refreshMs === 0 ? LONGEST_PAUSE_MS : Math.min(refreshMs, LONGEST_PAUSE_MS);
    this.timer = setInterval(
      () => {
        this.start();
      },
      Math.max(1_000, pause),
    );
    this.timer.unref();
  }

  /** Lets the document being fetched finish; the rest are due again when their lease runs out. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.round;
  }

  /** One round: the documents due now, fetched one after another until none is due. */
  private async run(): Promise<void> {
    while (!this.stopping) {
      let due: Claimed[];
      try {
        due = await this.claim();
      } catch (error) {
        this.logger.warn(
          { err: String(error) },
          'Web documents due for a refresh could not be read',
        );
        return;
      }
      await this.refreshEach(due);
      if (due.length < PER_CLAIM) {
        return;
      }
    }
  }

  /**
   * Asks ingest to have every web document fetched again as refreshed by `actor`, and starts a
   * round on this replica at once (the others join at their next round); answers how many there
   * are. Each records its outcome as a scheduled refresh does.
   */
  async refreshAll(actor: DocumentActor): Promise<number> {
    const { requested } = await this.bus.request(
      KnowledgeRpc.RequestWebRefreshes,
      { requestedBy: { id: actor.id, name: actor.name } },
      { timeoutMs: RPC_TIMEOUT_MS },
    );
    await this.audit.record({
      action: AuditAction.WebDocumentsRefreshed,
      details: { queued: requested },
    });
    this.start();
    return requested;
  }

  /**
   * Starts a round, or has the running one claim once more before it ends. A round is the
   * system's work, also when an administrator's request starts it: the versions it adds are
   * audited as the system's, under the name of whoever asked for them.
   */
  private start(): void {
    if (this.round !== undefined) {
      this.again = true;
      return;
    }
    this.round = outsideRequestScope(async () => {
      do {
        await this.run();
      } while (this.takeAgain() && !this.stopping);
    }).finally(() => {
      this.round = undefined;
    });
  }

  private takeAgain(): boolean {
    const again = this.again;
    this.again = false;
    return again;
  }

  private async refreshEach(documents: readonly Claimed[]): Promise<void> {
    for (const document of documents) {
      if (this.stopping) {
        return;
      }
      try {
        const { outcome } = await this.webImport.refresh(
          document.documentId,
          document.requestedBy ?? WEB_REFRESH,
        );
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
          'Web document could not be refreshed; it is due again when its claim runs out',
        );
      }
    }
  }

  /** Claims the next documents due: asked for by an administrator, or not fetched for a period. */
  private async claim(): Promise<Claimed[]> {
    const { refreshMs, timeoutMs } = this.config.webImport;
    const { documents } = await this.bus.request(
      KnowledgeRpc.ClaimWebRefreshes,
      {
        // With the scheduled refresh off, no document is due by age.
        checkedBefore: new Date(refreshMs === 0 ? 0 : Date.now() - refreshMs).toISOString(),
        limit: PER_CLAIM,
        leaseSeconds: Math.ceil((PER_CLAIM * timeoutMs + LEASE_MARGIN_MS) / 1_000),
      },
      { timeoutMs: RPC_TIMEOUT_MS },
    );
    return documents;
  }
}
