import { Injectable } from '@nestjs/common';

import type {
  FeedbackRecorded,
  InteractionDetail,
  InteractionFeedback,
  InteractionSummary,
  RpcRequest,
  RpcResponse,
} from '@deskpilot/contracts';
import { InteractionsRpc } from '@deskpilot/contracts';

import type { InteractionFeedbackEntity } from './entities/interaction-feedback.entity';
import type { InteractionEntity } from './entities/interaction.entity';
import { GapClosuresRepository } from './gap-closures.repository';
import { InteractionsException } from './interactions.exception';
import { InteractionsRepository } from './interactions.repository';
import type { InteractionFilter } from './interactions.repository';

type ListRequest = RpcRequest<typeof InteractionsRpc.List>;
type ListResponse = RpcResponse<typeof InteractionsRpc.List>;

const QUESTION_PREVIEW_CHARS = 300;
const EMPTY_FLAGS = {
  injectionSuspected: false,
  injectionSignals: [],
  redactions: [],
  unsupportedSentences: [],
  truncated: false,
};

/** Reading the interaction log for the console, and keeping feedback on it current. */
@Injectable()
export class InteractionsService {
  constructor(
    private readonly interactions: InteractionsRepository,
    private readonly closures: GapClosuresRepository,
  ) {}

  async list(request: ListRequest): Promise<ListResponse> {
    const filter: InteractionFilter = {
      ...(request.userId === undefined ? {} : { userId: request.userId }),
      ...(request.from === undefined ? {} : { from: new Date(request.from) }),
      ...(request.to === undefined ? {} : { to: new Date(request.to) }),
      ...(request.feedback === undefined ? {} : { feedback: request.feedback }),
      ...(request.model === undefined ? {} : { model: request.model }),
      ...(request.outcome === undefined ? {} : { outcome: request.outcome }),
      ...(request.kind === undefined ? {} : { kind: request.kind }),
      ...(request.cited === undefined ? {} : { cited: request.cited }),
      ...(request.minConfidence === undefined ? {} : { minConfidence: request.minConfidence }),
      ...(request.belowConfidence === undefined
        ? {}
        : { belowConfidence: request.belowConfidence }),
      ...(request.cursor === undefined ? {} : { before: decodeCursor(request.cursor) }),
    };
    const rows = await this.interactions.findPage(filter, request.limit + 1);
    const page = rows.slice(0, request.limit);
    const feedback = await this.feedbackById(page.map((row) => row.id));
    const last = page.at(-1);
    return {
      items: page.map((row) => summary(row, feedback.get(row.id) ?? [])),
      nextCursor: rows.length > request.limit && last ? encodeCursor(last) : null,
    };
  }

  async get(id: string): Promise<InteractionDetail> {
    const row = await this.interactions.findById(id);
    if (!row) {
      throw InteractionsException.notFound(id);
    }
    const [feedback, gapClosure] = await Promise.all([
      this.feedbackById([id]),
      this.closures.find(id),
    ]);
    return {
      ...summary(row, feedback.get(id) ?? []),
      question: row.question,
      answer: row.answer,
      citations: row.citations,
      flags: row.flags ?? EMPTY_FLAGS,
      retrieved: row.retrieved,
      prompt: row.prompt,
      requestedModel: row.requestedModel,
      fallbackModels: row.fallbackModels,
      settings: row.settings,
      generationId: row.generationId,
      failureMessage: row.failureMessage,
      attempts: row.attempts,
      finishedAt: row.finishedAt?.toISOString() ?? null,
      gapClosure,
    };
  }

  recordFeedback(event: FeedbackRecorded): Promise<void> {
    return this.interactions.upsertFeedback(event);
  }

  private async feedbackById(ids: readonly string[]): Promise<Map<string, InteractionFeedback[]>> {
    const byId = new Map<string, InteractionFeedback[]>();
    for (const entry of await this.interactions.feedbackOf(ids)) {
      const list = byId.get(entry.interactionId) ?? [];
      list.push(toFeedback(entry));
      byId.set(entry.interactionId, list);
    }
    return byId;
  }
}

function summary(row: InteractionEntity, feedback: InteractionFeedback[]): InteractionSummary {
  return {
    id: row.id,
    kind: row.kind,
    userId: row.userId,
    conversationId: row.conversationId,
    ticketId: row.ticketId,
    ticketSubject: row.ticketSubject,
    draftId: row.draftId,
    question: row.question.slice(0, QUESTION_PREVIEW_CHARS),
    model: row.model,
    settingsVersion: row.settingsVersion,
    outcome: row.outcome,
    failureReason: row.failureReason,
    offline: row.offline,
    confidence: row.confidence,
    promptTokens: row.promptTokens,
    completionTokens: row.completionTokens,
    costUsd: row.costUsd,
    firstTokenMs: row.firstTokenMs,
    totalMs: row.totalMs,
    feedback,
    createdAt: row.createdAt.toISOString(),
  };
}

function toFeedback(entry: InteractionFeedbackEntity): InteractionFeedback {
  return {
    rating: entry.rating ?? 'up',
    comment: entry.comment,
    userId: entry.userId,
    givenAt: entry.givenAt.toISOString(),
  };
}

function encodeCursor(row: InteractionEntity): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (id === undefined || Number.isNaN(createdAt.getTime())) {
    throw InteractionsException.badCursor();
  }
  return { createdAt, id };
}
