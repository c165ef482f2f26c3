import { z } from 'zod';

import { DraftSourceDocumentIds } from '../messages/drafting.messages';
import {
  DraftGuidanceText,
  DraftSort,
  DraftStatus,
  DraftView,
  SentReplyView,
  SetDraftingDepartmentsRequest,
  TicketDetail,
  TicketNoteText,
  TicketStatusTitle,
  TicketSummary,
} from '../messages/tickets.messages';
import { PageQuery, pageOf } from './paging.http';
import { QueryBoolean } from './query-values.http';

const Confidence = z.coerce.number().min(0).max(1);
const Filter = z.string().trim().min(1).max(200);

/** `GET /api/tickets`: mirrored tickets, newest reply first. */
export const TicketsQuery = PageQuery.extend({
  /** Department id or name. */
  department: Filter.optional(),
  /** WHMCS status title, e.g. `Customer-Reply`. */
  status: Filter.optional(),
  hasDraft: QueryBoolean.optional(),
  draftStatus: DraftStatus.optional(),
  /** `false` lists every mirrored ticket, not only those awaiting a staff reply. */
  awaitingOnly: QueryBoolean.default(true),
});
export type TicketsQuery = z.input<typeof TicketsQuery>;

export const TicketPage = pageOf(TicketSummary);
export type TicketPage = z.infer<typeof TicketPage>;

/** `GET /api/tickets/:id`: the thread, the customer and every draft, plus the current one. */
export const TicketDetailResponse = TicketDetail.extend({
  /** The newest draft of the ticket (the one to review), if any. */
  currentDraft: DraftView.nullable(),
});
export type TicketDetailResponse = z.infer<typeof TicketDetailResponse>;

/** `POST /api/tickets/:id/notes`: a private staff note, added in WHMCS. */
export const AddTicketNoteBody = z.strictObject({ text: TicketNoteText });
export type AddTicketNoteBody = z.input<typeof AddTicketNoteBody>;

/** `GET /api/drafts`: `status` may repeat or be comma-separated (`?status=ready,pending`). */
export const DraftsQuery = PageQuery.extend({
  status: z
    .preprocess(
      (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value),
      z.array(DraftStatus).min(1),
    )
    .optional(),
  department: Filter.optional(),
  ticketId: Filter.optional(),
  minConfidence: Confidence.optional(),
  maxConfidence: Confidence.optional(),
  /** Only drafts whose confidence is below this (for bands that meet without overlapping). */
  belowConfidence: Confidence.optional(),
  /** Latest change first unless given; see `DraftSort`. */
  sort: DraftSort.optional(),
});
export type DraftsQuery = z.input<typeof DraftsQuery>;

export const DraftPage = pageOf(DraftView);
export type DraftPage = z.infer<typeof DraftPage>;

/** `expectedVersion`: the draft's `version` as the reviewer saw it; a newer one answers 409. */
const ExpectedVersion = z.number().int().positive().optional();

/** `PATCH /api/drafts/:id`: the reviewer's text; the drafter's text is kept beside it. */
export const EditDraftBody = z.strictObject({
  text: z.string().trim().min(1).max(20_000),
  expectedVersion: ExpectedVersion,
});
export type EditDraftBody = z.input<typeof EditDraftBody>;

/** `POST /api/drafts/:id/approve`: approve and post, with the final text when edited in the same step. */
export const ApproveDraftBody = z.strictObject({
  text: z.string().trim().min(1).max(20_000).optional(),
  /** The ticket's WHMCS status after the reply (`Closed`, `On Hold`, ...), instead of `Answered`. */
  status: TicketStatusTitle.optional(),
  expectedVersion: ExpectedVersion,
});
export type ApproveDraftBody = z.input<typeof ApproveDraftBody>;

/** `POST /api/drafts/:id/regenerate`: optionally, what the new draft should do differently. */
export const RegenerateDraftBody = z.strictObject({
  guidance: DraftGuidanceText.optional(),
  /** Write the new draft from these knowledge-base documents only (the article a draft left out). */
  sourceDocumentIds: DraftSourceDocumentIds.optional(),
});
export type RegenerateDraftBody = z.input<typeof RegenerateDraftBody>;

export const RejectDraftBody = z.strictObject({
  reason: z.string().trim().max(2_000).optional(),
  expectedVersion: ExpectedVersion,
});
export type RejectDraftBody = z.input<typeof RejectDraftBody>;

/** `GET /api/replies`: replies posted to WHMCS, newest first, optionally of one ticket. */
export const RepliesQuery = PageQuery.extend({
  ticketId: Filter.optional(),
  /** Words the reply's text or its ticket's subject contains (each of them), or a ticket number. */
  search: Filter.optional(),
});
export type RepliesQuery = z.input<typeof RepliesQuery>;

export const SentReplyPage = pageOf(SentReplyView);
export type SentReplyPage = z.infer<typeof SentReplyPage>;

/**
 * `POST /api/replies/:id/knowledge` (admin): a sent reply as a knowledge-base article. Title and
 * text default to the ticket's subject and the reply as sent; edit them to drop what belongs to
 * one customer only.
 */
export const ReplyToKnowledgeBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  text: z.string().trim().min(1).max(100_000).optional(),
});
export type ReplyToKnowledgeBody = z.input<typeof ReplyToKnowledgeBody>;

/** `POST /api/whmcs/sync/run` (admin): poll WHMCS now. */
export const RunSyncBody = z.strictObject({ full: z.boolean().default(false) });
export type RunSyncBody = z.input<typeof RunSyncBody>;

/**
 * `PUT /api/whmcs/departments` (admin): the departments whose tickets get drafts, by WHMCS id, or
 * null for every department (ones added later too).
 */
export const DraftingDepartmentsBody = SetDraftingDepartmentsRequest.pick({
  departmentIds: true,
}).strict();
export type DraftingDepartmentsBody = z.input<typeof DraftingDepartmentsBody>;

/**
 * `GET /api/drafts/events` (`Accept: text/event-stream`): `ready` once, then `draft` with a
 * `DraftChanged` payload for every change, and `heartbeat` every 15 s while nothing happens.
 */
export const DraftEventsStream = {
  Ready: 'ready',
  Draft: 'draft',
  Heartbeat: 'heartbeat',
} as const;
