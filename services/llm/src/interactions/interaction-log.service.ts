import { Inject, Injectable } from '@nestjs/common';

import type {
  AnswerFinalChunk,
  AnswerPassage,
  Citation,
  PromptMessage,
} from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import type { AnswerJob } from '../answering/answer-job';
import { SecretRedactor } from '../safety/secret-redactor';
import type { AskedQuestion } from './dismissed-topics.service';
import { DismissedTopicsService } from './dismissed-topics.service';
import { InteractionsException } from './interactions.exception';
import { InteractionsRepository } from './interactions.repository';
import { SerialQueue } from './serial-queue';

export interface OpenedInteraction {
  readonly job: AnswerJob;
  /** Redacted. */
  readonly question: string;
  /** The drafted ticket's subject, redacted; null for chat and the playground. */
  readonly ticketSubject: string | null;
  readonly offline: boolean;
}

export interface FinishedInteraction {
  readonly final: AnswerFinalChunk;
  readonly passages: readonly AnswerPassage[];
  readonly prompt: readonly PromptMessage[];
  readonly citations: readonly Citation[];
  readonly generationId: string | null;
  readonly attempts: number;
  /** What was asked, redacted as logged: closed at once when about a dismissed topic. */
  readonly asked: AskedQuestion;
}

/**
 * Writes the interaction log: an entry is opened as `pending` before any model call and closed
 * with its outcome, so a crash leaves `pending`, and a failed answer is never stored as complete.
 *
 * A finished question about a topic an administrator dismissed is closed as it is logged.
 *
 * Closing writes run one at a time. Each answer's first token waits for its opening write, and a
 * burst of answers finishing together would otherwise take every database connection (PGlite has
 * one) with closing writes, each carrying the whole prompt, ahead of the new answers' openings.
 */
@Injectable()
export class InteractionLogService {
  private readonly closing = new SerialQueue();

  constructor(
    private readonly interactions: InteractionsRepository,
    private readonly redactor: SecretRedactor,
    private readonly dismissedTopics: DismissedTopicsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async open({ job, question, ticketSubject, offline }: OpenedInteraction): Promise<void> {
    const { values, version } = job.settings;
    const inserted = await this.interactions.insertIfNew({
      id: job.interactionId,
      kind: job.kind,
      userId: job.userId,
      conversationId: job.conversationId,
      draftId: job.draftId,
      ticketId: job.ticketId,
      ticketSubject,
      question,
      settingsVersion: version,
      settings: values,
      requestedModel: offline ? null : values.model,
      fallbackModels: offline ? [] : values.fallbackModels,
      offline,
      outcome: 'pending',
      createdAt: new Date(),
    });
    if (!inserted) {
      throw InteractionsException.duplicate(job.interactionId);
    }
  }

  async finish(interactionId: string, finished: FinishedInteraction): Promise<void> {
    const { final } = finished;
    const patch = {
      model: final.model,
      retrieved: finished.passages.map((passage) => ({
        index: passage.index,
        chunkId: passage.chunkId,
        documentId: passage.documentId,
        documentTitle: passage.documentTitle,
        documentVersion: passage.documentVersion,
        score: passage.score,
        denseScore: passage.denseScore,
        lexicalScore: passage.lexicalScore,
      })),
      prompt: [...finished.prompt],
      answer: this.redactor.redact(final.text).text,
      citations: [...finished.citations],
      flags: final.flags,
      confidence: final.confidence,
      generationId: finished.generationId,
      promptTokens: final.usage?.promptTokens ?? null,
      completionTokens: final.usage?.completionTokens ?? null,
      totalTokens: final.usage?.totalTokens ?? null,
      costUsd: final.usage?.costUsd ?? null,
      firstTokenMs: final.firstTokenMs === null ? null : Math.round(final.firstTokenMs),
      totalMs: Math.round(final.totalMs),
      attempts: finished.attempts,
      outcome: final.outcome,
      failureReason: final.failure?.reason ?? null,
      failureMessage: final.failure?.message ?? null,
      finishedAt: new Date(),
    };
    await this.closing.run(async () => {
      await this.interactions.update(interactionId, patch);
      await this.dismissedTopics
        .closeIfDismissed(interactionId, finished.asked)
        .catch((error: unknown) => {
          this.logger.warn(
            { interactionId, err: String(error) },
            'Not checked against the dismissed topics',
          );
        });
    });
  }
}
