import { Injectable } from '@nestjs/common';

import type {
  CloseGapRequest,
  DismissedTopicForgotten,
  ForgetDismissedTopicRequest,
  GapClosed,
  GapQuestion,
  GapReason,
  KnowledgeGap,
  KnowledgeGaps,
} from '@deskpilot/contracts';
import {
  KNOWLEDGE_GAP_EXAMPLES,
  MAX_GAP_QUESTIONS,
  MAX_KNOWLEDGE_GAPS,
} from '@deskpilot/contracts';
import { groupByTopic } from '@deskpilot/text';

import { DismissedTopicsService } from './dismissed-topics.service';
import { GapClosuresRepository } from './gap-closures.repository';
import { gapText } from './gap-text';
import { InteractionStatsRepository } from './interaction-stats.repository';
import type { WeakAnswerRow } from './interaction-stats.repository';

/** Characters of a question shown as an example; a ticket's message can be long. */
const EXAMPLE_CHARACTERS = 300;

/**
 * What the knowledge base lacks, from the answers it gave: the weakly answered chat questions
 * and tickets of a range, grouped by what they ask (`groupByTopic`), the groups asked most first.
 * Questions an administrator closed (an article written for them, or dismissed, by hand or by a
 * dismissed topic) are left out.
 */
@Injectable()
export class KnowledgeGapsService {
  constructor(
    private readonly stats: InteractionStatsRepository,
    private readonly closures: GapClosuresRepository,
    private readonly topics: DismissedTopicsService,
  ) {}

  /** The open gaps, or with `listClosed` the closed ones (grouped the same way, to reopen). */
  async gaps(from: Date, to: Date, listClosed = false): Promise<KnowledgeGaps> {
    const [{ weakAnswers, closed, rows }, dismissedTopics] = await Promise.all([
      this.stats.weakAnswers(from, to, MAX_GAP_QUESTIONS, listClosed),
      this.topics.list(),
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const groups = groupByTopic(
      rows.map((row) => ({ id: row.id, text: gapText(row.question, row.ticket_subject) })),
    );
    return {
      weakAnswers,
      closed,
      grouped: rows.length,
      gaps: groups.slice(0, MAX_KNOWLEDGE_GAPS).map((group) =>
        toGap(
          group.terms,
          group.ids.map((id) => byId.get(id)).filter((row) => row !== undefined),
        ),
      ),
      dismissedTopics,
    };
  }

  close(request: CloseGapRequest): Promise<GapClosed> {
    return this.topics.close(request);
  }

  forgetTopic(request: ForgetDismissedTopicRequest): Promise<DismissedTopicForgotten> {
    return this.topics.forget(request);
  }

  reopen(interactionIds: readonly string[]): Promise<number> {
    return this.closures.reopen(interactionIds);
  }
}

/** `members` newest first, as the repository lists them. */
function toGap(terms: readonly string[], members: readonly WeakAnswerRow[]): KnowledgeGap {
  const count = (test: (row: WeakAnswerRow) => boolean): number => members.filter(test).length;
  return {
    terms: [...terms],
    questions: members.length,
    chat: count((row) => row.kind === 'chat'),
    drafts: count((row) => row.kind === 'draft'),
    uncited: count((row) => row.uncited),
    offTopic: count((row) => row.off_topic),
    notHelpful: count((row) => row.not_helpful),
    lastAskedAt: new Date(members[0]?.created_at ?? 0).toISOString(),
    examples: members.slice(0, KNOWLEDGE_GAP_EXAMPLES).map(toQuestion),
    interactionIds: members.map((row) => row.id),
  };
}

function toQuestion(row: WeakAnswerRow): GapQuestion {
  const reasons: GapReason[] = [];
  if (row.uncited) {
    reasons.push('uncited');
  }
  if (row.off_topic) {
    reasons.push('offTopic');
  }
  if (row.not_helpful) {
    reasons.push('notHelpful');
  }
  const question = row.question.trim();
  return {
    interactionId: row.id,
    kind: row.kind,
    subject: row.ticket_subject,
    question:
      question.length > EXAMPLE_CHARACTERS
        ? `${question.slice(0, EXAMPLE_CHARACTERS - 1).trimEnd()}…`
        : question,
    askedAt: new Date(row.created_at).toISOString(),
    reasons,
  };
}
