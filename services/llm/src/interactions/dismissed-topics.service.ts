import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

import type {
  CloseGapRequest,
  DismissedTopic,
  DismissedTopicForgotten,
  ForgetDismissedTopicRequest,
  GapClosed,
  InteractionKind,
} from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';
import { DEFAULT_TOPIC_GROUP_OPTIONS, topicProfile, topicSimilarity } from '@deskpilot/text';

import { DismissedTopicsRepository } from './dismissed-topics.repository';
import type { StoredTopic } from './dismissed-topics.repository';
import { GapClosuresRepository } from './gap-closures.repository';
import { gapText } from './gap-text';

/** How long a replica matches against the topics it read; another may have changed them. */
const TOPICS_TTL_MS = 30_000;
/** A topic dismissed now also closes the open questions on it logged this many days before. */
const EARLIER_DAYS = 90;
/** At most this many of those earlier questions, newest first, are compared with the topic. */
const EARLIER_QUESTIONS = 2_000;

/** A logged question, as the knowledge gaps read it. */
export interface AskedQuestion {
  readonly kind: InteractionKind;
  /** Redacted. */
  readonly question: string;
  readonly ticketSubject: string | null;
}

/**
 * Topics whose new questions are dismissed as they are logged: what an administrator dismissed
 * with "dismiss the topic" (abuse reports, phishing) stays off the knowledge gaps when it comes
 * again. A question belongs to a topic when it would have been grouped with the topic's questions
 * (`topicSimilarity` at the grouping's threshold); to the closest one when several.
 */
@Injectable()
export class DismissedTopicsService {
  private cached: { topics: StoredTopic[]; until: number } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly topics: DismissedTopicsRepository,
    private readonly closures: GapClosuresRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Closes the questions, and with `dismissTopic` keeps their topic to dismiss what follows; the
   * open questions on it of the last `EARLIER_DAYS` days are closed with them.
   */
  async close(request: CloseGapRequest): Promise<GapClosed> {
    if (request.resolution !== 'dismissed' || request.dismissTopic !== true) {
      return { closed: await this.closures.close(request), topicId: null };
    }
    const asked = await this.topics.questions(request.interactionIds);
    if (asked.length === 0) {
      return { closed: 0, topicId: null };
    }
    const topic = {
      id: randomUUID(),
      profile: topicProfile(asked.map((row) => gapText(row.question, row.ticket_subject))),
      dismissedBy: request.closedBy,
      dismissedByName: request.closedByName ?? request.closedBy,
    };
    const earlier = (
      await this.topics.openSince(
        new Date(Date.now() - EARLIER_DAYS * 24 * 3_600_000),
        EARLIER_QUESTIONS,
      )
    ).filter(
      (row) =>
        topicSimilarity(topic.profile, gapText(row.question, row.ticket_subject)) >=
        DEFAULT_TOPIC_GROUP_OPTIONS.minSimilarity,
    );
    const closed = await this.dataSource.transaction(async (manager) => {
      await this.topics.insert(topic, manager);
      return this.closures.close(
        {
          ...request,
          interactionIds: [...request.interactionIds, ...earlier.map((row) => row.id)],
        },
        topic.id,
        manager,
      );
    });
    this.cached = null;
    this.logger.info({ topicId: topic.id, terms: topic.profile.terms }, 'Topic dismissed');
    return { closed, topicId: topic.id };
  }

  async forget(request: ForgetDismissedTopicRequest): Promise<DismissedTopicForgotten> {
    const { deleted, reopened } = await this.topics.delete(
      request.topicId,
      request.reopen === true,
    );
    this.cached = null;
    return { forgotten: deleted, reopened };
  }

  async list(): Promise<DismissedTopic[]> {
    return (await this.topics.all()).map((topic) => ({
      id: topic.id,
      terms: [...topic.profile.terms],
      dismissedBy: topic.dismissedByName,
      dismissedAt: topic.dismissedAt.toISOString(),
      questions: topic.questions,
    }));
  }

  /**
   * Closes a question just logged when it is about a dismissed topic; resolves the topic's id.
   * Playground runs are no knowledge gaps and are left alone.
   */
  async closeIfDismissed(interactionId: string, asked: AskedQuestion): Promise<string | null> {
    if (asked.kind === 'playground') {
      return null;
    }
    const text = gapText(asked.question, asked.ticketSubject);
    let match: { topic: StoredTopic; similarity: number } | null = null;
    for (const topic of await this.current()) {
      const similarity = topicSimilarity(topic.profile, text);
      if (
        similarity >= DEFAULT_TOPIC_GROUP_OPTIONS.minSimilarity &&
        similarity > (match?.similarity ?? 0)
      ) {
        match = { topic, similarity };
      }
    }
    if (match === null) {
      return null;
    }
    await this.closures.close(
      {
        interactionIds: [interactionId],
        resolution: 'dismissed',
        documentId: null,
        closedBy: match.topic.dismissedBy,
      },
      match.topic.id,
    );
    return match.topic.id;
  }

  private async current(): Promise<StoredTopic[]> {
    if (this.cached === null || this.cached.until <= Date.now()) {
      this.cached = { topics: await this.topics.all(), until: Date.now() + TOPICS_TTL_MS };
    }
    return this.cached.topics;
  }
}
