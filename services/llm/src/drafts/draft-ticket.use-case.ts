import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import type { AnswerFinalChunk, Citation, DraftRequested } from '@deskpilot/contracts';
import { DraftingEvent } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import type { AnswerJob } from '../answering/answer-job';
import { AnswerPipeline } from '../answering/answer-pipeline';
import { BotSettingsService } from '../settings/bot-settings.service';
import { DraftJobsRepository } from './draft-jobs.repository';
import { DraftsException } from './drafts.exception';

/** A replica renews its claim on a draft this often while it drafts. */
const RENEW_CLAIM_MS = 5_000;
/** A claim not renewed for this long was left by a replica that died; another may take it. */
const CLAIM_STALE_MS = 4 * RENEW_CLAIM_MS;

/**
 * Drafts the reply to a ticket with the answer pipeline and publishes the outcome, once per
 * draftId: a redelivered request republishes the stored outcome instead of drafting again.
 */
@Injectable()
export class DraftTicketUseCase {
  /**
   * Attempts of this replica that ended in an error (the database or the broker went away) and
   * left their claim running: the redelivered request takes the draft over at once instead of
   * waiting for the claim to go stale, by when the broker may have given up on it.
   */
  private readonly interrupted = new Map<string, string>();

  constructor(
    private readonly pipeline: AnswerPipeline,
    private readonly settings: BotSettingsService,
    private readonly jobs: DraftJobsRepository,
    private readonly bus: MessageBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(request: DraftRequested): Promise<void> {
    const { draftId } = request;
    const interactionId = randomUUID();
    const staleBefore = new Date(Date.now() - CLAIM_STALE_MS);
    const retaking = this.interrupted.get(draftId) ?? null;
    if (!(await this.jobs.claim(draftId, request.ticketId, interactionId, staleBefore, retaking))) {
      await this.republish(draftId);
      return;
    }
    this.interrupted.delete(draftId);
    const renewal = setInterval(() => {
      this.jobs.renew(draftId, interactionId).catch((error: unknown) => {
        this.logger.warn({ draftId, err: String(error) }, 'Could not renew the draft claim');
      });
    }, RENEW_CLAIM_MS);
    try {
      await this.draft(request, interactionId);
    } catch (error) {
      this.interrupted.set(draftId, interactionId);
      throw error;
    } finally {
      clearInterval(renewal);
    }
  }

  private async draft(request: DraftRequested, interactionId: string): Promise<void> {
    let citations: Citation[] = [];
    const final = await this.pipeline.run(this.jobFor(request, interactionId), (chunk) => {
      if (chunk.type === 'citations') {
        citations = chunk.citations;
      }
    });
    if (final.outcome === 'ok') {
      await this.succeed(request, final, citations);
    } else {
      await this.fail(request, final);
    }
  }

  private jobFor(request: DraftRequested, interactionId: string): AnswerJob {
    const lastCustomerMessage =
      request.thread.filter((message) => message.from === 'customer').at(-1)?.text ??
      request.thread.at(-1)?.text ??
      '';
    return {
      interactionId,
      kind: 'draft',
      userId: null,
      conversationId: null,
      draftId: request.draftId,
      ticketId: request.ticketId,
      question: lastCustomerMessage,
      // The guidance leads: the search counts a query's first words.
      searchQuery: [request.guidance, request.subject, lastCustomerMessage]
        .filter((part) => part !== undefined)
        .join('\n'),
      ...(request.sourceDocumentIds === undefined
        ? {}
        : { searchDocumentIds: request.sourceDocumentIds }),
      history: [],
      ticket: {
        ticketNumber: request.ticketNumber,
        subject: request.subject,
        department: request.department,
        customer: request.customer,
        thread: request.thread,
        ...(request.guidance === undefined ? {} : { guidance: request.guidance }),
        ...(request.notes === undefined ? {} : { notes: request.notes }),
      },
      settings: this.settings.resolved(),
      inspect: false,
      signal: new AbortController().signal,
    };
  }

  private async succeed(
    request: DraftRequested,
    final: AnswerFinalChunk,
    citations: Citation[],
  ): Promise<void> {
    const generated = {
      draftId: request.draftId,
      ticketId: request.ticketId,
      text: final.text,
      citations,
      confidence: final.confidence,
      flags: {
        injectionSuspected: final.flags.injectionSuspected,
        redactions: final.flags.redactions,
        unsupportedSentences: final.flags.unsupportedSentences,
        ...(final.flags.topicCoverage === undefined
          ? {}
          : { topicCoverage: final.flags.topicCoverage }),
        ...(final.flags.bestLeftOut === undefined ? {} : { bestLeftOut: final.flags.bestLeftOut }),
        ...(final.flags.searchCorrections
          ? { searchCorrections: final.flags.searchCorrections }
          : {}),
      },
      offline: final.offline,
      model: final.model,
      settingsVersion: final.settingsVersion ?? 0,
      interactionId: final.interactionId,
    };
    await this.jobs.complete(request.draftId, 'generated', generated);
    await this.bus.publish(DraftingEvent.DraftGenerated, generated);
  }

  private async fail(request: DraftRequested, final: AnswerFinalChunk): Promise<void> {
    const failure = final.failure ?? {
      reason: 'internal' as const,
      message: 'The draft was cancelled',
      retryable: true,
    };
    const failed = {
      draftId: request.draftId,
      ticketId: request.ticketId,
      reason: `${failure.reason}: ${failure.message}`,
      retryable: failure.retryable,
    };
    this.logger.warn({ draftId: request.draftId, reason: failed.reason }, 'Draft failed');
    await this.jobs.complete(request.draftId, 'failed', failed);
    await this.bus.publish(DraftingEvent.DraftFailed, failed);
  }

  private async republish(draftId: string): Promise<void> {
    const job = await this.jobs.find(draftId);
    if (job?.state === 'generated' && job.result && 'text' in job.result) {
      await this.bus.publish(DraftingEvent.DraftGenerated, job.result);
      return;
    }
    if (job?.state === 'failed' && job.result && !('text' in job.result)) {
      await this.bus.publish(DraftingEvent.DraftFailed, job.result);
      return;
    }
    throw DraftsException.inProgress(draftId);
  }
}
