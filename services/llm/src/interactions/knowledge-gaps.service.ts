import { Injectable } from '@nestjs/common';

import type {
  CloseGapRequest,
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

import { GapClosuresRepository } from './gap-closures.repository';
import { InteractionStatsRepository } from './interaction-stats.repository';
import type { WeakAnswerRow } from './interaction-stats.repository';

/** Characters of a question shown as an example; a ticket's message can be long. */
const EXAMPLE_CHARACTERS = 300;

/**
 * What the knowledge base lacks, from the answers it gave: the weakly answered chat questions
 * and tickets of a range, grouped by what they ask (`groupByTopic`), the groups asked most first.
 * Questions an administrator closed (an article written for them, or dismissed) are left out.
 */
@Injectable()
export class KnowledgeGapsService {
  constructor(
    private readonly stats: InteractionStatsRepository,
    private readonly closures: GapClosuresRepository,
  ) {}

  /** The open gaps, or with `listClosed` the closed ones (grouped the same way, to reopen). */
  async gaps(from: Date, to: Date, listClosed = false): Promise<KnowledgeGaps> {
    const { weakAnswers, closed, rows } = await this.stats.weakAnswers(
      from,
      to,
      MAX_GAP_QUESTIONS,
      listClosed,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const groups = groupByTopic(rows.map((row) => ({ id: row.id, text: textOf(row) })));
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
    };
  }

  close(request: CloseGapRequest): Promise<number> {
    return this.closures.close(request);
  }

  reopen(interactionIds: readonly string[]): Promise<number> {
    return this.closures.reopen(interactionIds);
  }
}

/**
 * What a weak answer was asked: a ticket's subject names its topic in a few words, and counts
 * twice against the message's greetings and details.
 */
function textOf(row: WeakAnswerRow): string {
  return row.ticket_subject === null
    ? row.question
    : `${row.ticket_subject}\n${row.ticket_subject}\n${row.question}`;
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
