import { z } from 'zod';

import { event, rpc } from './define';
import {
  Citation,
  CustomerContext,
  DraftFlags,
  DraftSourceDocumentIds,
  ThreadMessage,
} from './drafting.messages';

/**
 * `pending` (asked of the drafter), `ready` (to review), `approved` (waiting to be posted),
 * `sending` (posting recorded, outcome being confirmed), `sent`, `rejected` (by a person or
 * replaced by a regenerated draft), `stale` (the ticket moved on: a newer customer reply, an
 * answer given in WHMCS, or the ticket left the awaiting set), `failed`.
 */
export const DraftStatus = z.enum([
  'pending',
  'ready',
  'approved',
  'sending',
  'sent',
  'rejected',
  'stale',
  'failed',
]);
export type DraftStatus = z.infer<typeof DraftStatus>;

/**
 * The order of a draft list: `updated` (latest change first), `waiting` (the customer who has
 * waited longest for a reply first, then the drafts of tickets nobody waits on, latest change
 * first), `priority` (WHMCS priority High, Medium, Low, each longest waiting first).
 */
export const DraftSort = z.enum(['updated', 'waiting', 'priority']);
export type DraftSort = z.infer<typeof DraftSort>;

/** A console user acting on a draft, as the gateway authenticated them. */
export const Actor = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** The person's sign-in email: how a WHMCS admin account is found for them. */
  email: z.string().optional(),
});
export type Actor = z.infer<typeof Actor>;

const IsoDate = z.string();
const Page = {
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().nonnegative().default(0),
};

export const DraftView = z.object({
  id: z.uuid(),
  /** WHMCS internal ticket id. */
  ticketId: z.string(),
  ticketNumber: z.string(),
  subject: z.string(),
  departmentId: z.string(),
  department: z.string(),
  /** The ticket's WHMCS priority: `Low`, `Medium` or `High`. */
  priority: z.string(),
  /** Since when the customer waits for a reply; null when the ticket waits for nobody. */
  customerWaitingSince: IsoDate.nullable(),
  status: DraftStatus,
  /** Id of the customer message the draft answers (`"0"` for the opening message). */
  basedOnReplyId: z.string(),
  /** What the drafter wrote; null until the draft is ready. */
  aiText: z.string().nullable(),
  /** The reviewer's edited text; null while unedited. */
  humanText: z.string().nullable(),
  /** The text that is (or was) posted: the human text when edited, else the AI text. */
  text: z.string().nullable(),
  citations: z.array(Citation),
  confidence: z.number().min(0).max(1).nullable(),
  flags: DraftFlags.nullable(),
  offline: z.boolean().nullable(),
  model: z.string().nullable(),
  settingsVersion: z.number().int().nonnegative().nullable(),
  interactionId: z.string().nullable(),
  /** Why the draft is failed, stale or rejected. */
  statusReason: z.string().nullable(),
  /** When a failed draft is next asked for on its own; null when it is not. */
  retryAt: IsoDate.nullable(),
  editedBy: Actor.nullable(),
  editedAt: IsoDate.nullable(),
  approvedBy: Actor.nullable(),
  approvedAt: IsoDate.nullable(),
  rejectedBy: Actor.nullable(),
  sentAt: IsoDate.nullable(),
  /** Share of the AI text the reviewer changed (word-level edit distance), 0 to 1. */
  editRatio: z.number().min(0).max(1).nullable(),
  /** The WHMCS status the approved reply sets; null leaves WHMCS's own (`Answered`). */
  replyStatus: z.string().nullable(),
  /** The reviewer's guidance this draft was asked for with (Regenerate); null without. */
  guidance: z.string().nullable(),
  /**
   * The documents a reviewer had this draft written from (Regenerate), no others searched;
   * null when the whole knowledge base was.
   */
  sourceDocumentIds: z.array(z.uuid()).nullable(),
  /** Increases with every change; pass it back as `expectedVersion` to avoid lost updates. */
  version: z.number().int().positive(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type DraftView = z.infer<typeof DraftView>;

export const TicketSummary = z.object({
  id: z.string(),
  number: z.string(),
  subject: z.string(),
  departmentId: z.string(),
  department: z.string(),
  /** WHMCS status title, e.g. `Open`, `Customer-Reply`. */
  status: z.string(),
  priority: z.string(),
  customerName: z.string(),
  customerEmail: z.string(),
  /** WHMCS server-local `Y-m-d H:i:s`, as WHMCS sent it. */
  lastReply: z.string(),
  /** `lastReply` converted with the configured WHMCS timezone; null for a zero date. */
  lastReplyAt: IsoDate.nullable(),
  awaitingReply: z.boolean(),
  /** Who wrote the newest message. */
  lastMessageFrom: z.enum(['customer', 'staff']),
  /** The newest draft of the ticket, if any. */
  draft: z
    .object({ id: z.uuid(), status: DraftStatus, confidence: z.number().nullable() })
    .nullable(),
});
export type TicketSummary = z.infer<typeof TicketSummary>;

export const TicketThreadMessage = ThreadMessage.extend({
  /** WHMCS reply id; `"0"` is the opening message. */
  id: z.string(),
  /** Text exactly as WHMCS returned it (entity-encoded for email-imported messages). */
  rawText: z.string(),
  attachments: z.array(z.string()),
});
export type TicketThreadMessage = z.infer<typeof TicketThreadMessage>;

/** A private staff note on a WHMCS ticket; the customer never sees it. */
export const TicketNote = z.object({
  /** WHMCS note id. */
  id: z.string(),
  /** The WHMCS admin who wrote it. */
  author: z.string(),
  /** WHMCS server-local `Y-m-d H:i:s`, as WHMCS sent it. */
  date: z.string(),
  text: z.string(),
});
export type TicketNote = z.infer<typeof TicketNote>;

export const TicketDetail = TicketSummary.extend({
  thread: z.array(TicketThreadMessage),
  /** Staff notes from WHMCS, oldest first: private to the team, never for the customer. */
  notes: z.array(TicketNote),
  /** Null for guests and while the client record could not be read. */
  customer: CustomerContext.nullable(),
  /** Every draft of the ticket, newest first. */
  drafts: z.array(DraftView),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const ListTicketsRequest = z.object({
  /** Department id or name. */
  department: z.string().optional(),
  /** WHMCS status title. */
  status: z.string().optional(),
  hasDraft: z.boolean().optional(),
  draftStatus: DraftStatus.optional(),
  /** Only tickets in WHMCS's Awaiting Reply set (default) or every mirrored ticket. */
  awaitingOnly: z.boolean().default(true),
  ...Page,
});
export type ListTicketsRequest = z.input<typeof ListTicketsRequest>;

export const TicketList = z.object({ items: z.array(TicketSummary), total: z.number().int() });
export type TicketList = z.infer<typeof TicketList>;

export const GetTicketRequest = z.object({ ticketId: z.string().min(1) });

export const TicketNoteText = z.string().trim().min(1).max(10_000);

export const AddTicketNoteRequest = z.object({
  ticketId: z.string().min(1),
  text: TicketNoteText,
  addedBy: Actor,
});
export type AddTicketNoteRequest = z.input<typeof AddTicketNoteRequest>;

export const TicketNoteList = z.object({ notes: z.array(TicketNote) });
export type TicketNoteList = z.infer<typeof TicketNoteList>;

export const ListDraftsRequest = z.object({
  status: z.array(DraftStatus).optional(),
  department: z.string().optional(),
  ticketId: z.string().optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  maxConfidence: z.number().min(0).max(1).optional(),
  belowConfidence: z.number().min(0).max(1).optional(),
  /** `updated` unless given. */
  sort: DraftSort.optional(),
  ...Page,
});
export type ListDraftsRequest = z.input<typeof ListDraftsRequest>;

export const DraftList = z.object({ items: z.array(DraftView), total: z.number().int() });
export type DraftList = z.infer<typeof DraftList>;

export const GetDraftRequest = z.object({ draftId: z.uuid() });

export const EditDraftRequest = z.object({
  draftId: z.uuid(),
  text: z.string().trim().min(1).max(20_000),
  editedBy: Actor,
  expectedVersion: z.number().int().positive().optional(),
});
export type EditDraftRequest = z.input<typeof EditDraftRequest>;

/** A WHMCS ticket status's title, as AddTicketReply takes it. */
export const TicketStatusTitle = z.string().trim().min(1).max(64);

export const ApproveDraftRequest = z.object({
  draftId: z.uuid(),
  approvedBy: Actor,
  /** Final text, when the reviewer edited it in the same step. */
  text: z.string().trim().min(1).max(20_000).optional(),
  /** The ticket's WHMCS status after the reply (`Closed`, `On Hold`, ...), instead of `Answered`. */
  status: TicketStatusTitle.optional(),
  expectedVersion: z.number().int().positive().optional(),
});
export type ApproveDraftRequest = z.input<typeof ApproveDraftRequest>;

/**
 * `sent`: posted to WHMCS. `sending`: posted or being posted; the outcome is still being
 * confirmed (a `tickets.draft.changed` event follows). `queued`: approved, WHMCS could not be
 * reached; it is posted when WHMCS answers again. `stale`: not posted, the ticket moved on (a new
 * draft is requested when the customer wrote again). `failed`: WHMCS refused the reply.
 */
export const ApproveOutcome = z.enum(['sent', 'sending', 'queued', 'stale', 'failed']);
export type ApproveOutcome = z.infer<typeof ApproveOutcome>;

export const ApproveDraftResponse = z.object({
  outcome: ApproveOutcome,
  message: z.string(),
  draft: DraftView,
});
export type ApproveDraftResponse = z.infer<typeof ApproveDraftResponse>;

export const RejectDraftRequest = z.object({
  draftId: z.uuid(),
  rejectedBy: Actor,
  reason: z.string().trim().max(2_000).optional(),
  expectedVersion: z.number().int().positive().optional(),
});
export type RejectDraftRequest = z.input<typeof RejectDraftRequest>;

export const DraftGuidanceText = z.string().trim().min(1).max(2_000);

export const RegenerateDraftRequest = z.object({
  draftId: z.uuid(),
  requestedBy: Actor,
  /** What the new draft should do differently, in the reviewer's words. */
  guidance: DraftGuidanceText.optional(),
  /** Write the new draft from these knowledge-base documents only. */
  sourceDocumentIds: DraftSourceDocumentIds.optional(),
});
export type RegenerateDraftRequest = z.input<typeof RegenerateDraftRequest>;

export const SentReplyView = z.object({
  id: z.uuid(),
  draftId: z.uuid(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  subject: z.string(),
  department: z.string(),
  text: z.string(),
  aiText: z.string(),
  editRatio: z.number().min(0).max(1),
  approvedBy: Actor,
  approvedAt: IsoDate,
  sentAt: IsoDate,
  /** The name shown to the customer as the reply's author (`adminusername`). */
  postedAs: z.string(),
  /** The WHMCS status the reply set; null when WHMCS set its own (`Answered`). */
  replyStatus: z.string().nullable(),
  /** WHMCS reply id once learned by re-reading the ticket (AddTicketReply returns none). */
  whmcsReplyId: z.string().nullable(),
  /** How the post was confirmed: WHMCS answered success, or the reply was found on re-read. */
  confirmedBy: z.enum(['response', 'readback']),
});
export type SentReplyView = z.infer<typeof SentReplyView>;

export const ReplyAuthorRequest = z.object({ approver: Actor });
export type ReplyAuthorRequest = z.input<typeof ReplyAuthorRequest>;

/** Who WHMCS shows as the author of a reply this person approves, and what is added below it. */
export const ReplyAuthor = z.object({
  /** `adminusername` of the post, shown to the customer. */
  name: z.string(),
  /** The approver's WHMCS signature, put below the reply in place of its closing line. */
  signature: z.string().nullable(),
  /** `approver`: the approver's own WHMCS admin; `integration`: the integration's author. */
  source: z.enum(['approver', 'integration']),
});
export type ReplyAuthor = z.infer<typeof ReplyAuthor>;

export const TicketStatusesRequest = z.object({});

/** A ticket status configured in WHMCS, in its configured order. */
export const TicketStatusOption = z.object({ title: z.string(), color: z.string().nullable() });
export type TicketStatusOption = z.infer<typeof TicketStatusOption>;

export const TicketStatusList = z.object({
  statuses: z.array(TicketStatusOption),
  /** False when WHMCS could not be asked: the list holds the statuses every install has. */
  fromWhmcs: z.boolean(),
});
export type TicketStatusList = z.infer<typeof TicketStatusList>;

export const ListSentRepliesRequest = z.object({
  ticketId: z.string().optional(),
  /** Words that each must be in the reply's text or its ticket's subject, or a ticket number. */
  search: z.string().max(200).optional(),
  ...Page,
});
export type ListSentRepliesRequest = z.input<typeof ListSentRepliesRequest>;

export const SentReplyList = z.object({ items: z.array(SentReplyView), total: z.number().int() });

export const GetSentReplyRequest = z.object({ replyId: z.uuid() });
export type GetSentReplyRequest = z.input<typeof GetSentReplyRequest>;
export type SentReplyList = z.infer<typeof SentReplyList>;

/** How many earlier replies to tickets like a draft's are shown beside it. */
export const MAX_SIMILAR_REPLIES = 3;

export const SimilarRepliesRequest = z.object({ draftId: z.uuid() });
export type SimilarRepliesRequest = z.input<typeof SimilarRepliesRequest>;

/**
 * Replies sent earlier to other tickets that ask about the same thing as a draft's ticket (its
 * subject and the customer message it answers), most alike first; at most `MAX_SIMILAR_REPLIES`.
 */
export const SimilarReplies = z.object({ items: z.array(SentReplyView) });
export type SimilarReplies = z.infer<typeof SimilarReplies>;

export const SyncAlert = z.object({
  id: z.uuid(),
  /** `whmcs-forbidden`: WHMCS answered 403; polling stopped until resumed. */
  kind: z.enum(['whmcs-forbidden', 'send-failed']),
  message: z.string(),
  raisedAt: IsoDate,
  resolvedAt: IsoDate.nullable(),
});
export type SyncAlert = z.infer<typeof SyncAlert>;

export const SyncStatus = z.object({
  /** `blocked`: stopped after a 403 until an operator resumes it. */
  state: z.enum(['starting', 'polling', 'idle', 'backing-off', 'blocked']),
  whmcsUrl: z.string(),
  whmcsVersion: z.string().nullable(),
  pollSeconds: z.number(),
  lastPollAt: IsoDate.nullable(),
  lastSuccessAt: IsoDate.nullable(),
  lastFullSyncAt: IsoDate.nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  awaitingTickets: z.number().int().nonnegative(),
  draftsByStatus: z.record(z.string(), z.number().int().nonnegative()),
  /** Open alerts first, then the most recent resolved ones. */
  alerts: z.array(SyncAlert),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncStatusRequest = z.object({});
export const ResumeSyncRequest = z.object({ requestedBy: Actor });
export const RunSyncRequest = z.object({
  /** Re-read every awaiting ticket instead of only the changed ones. */
  full: z.boolean().default(false),
});
export type RunSyncRequest = z.input<typeof RunSyncRequest>;

export const SyncRunResult = z.object({
  listed: z.number().int().nonnegative(),
  fetched: z.number().int().nonnegative(),
  draftsRequested: z.number().int().nonnegative(),
  draftsStaled: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  skipped: z.boolean(),
});
export type SyncRunResult = z.infer<typeof SyncRunResult>;

/** A WHMCS support department, and whether its tickets get drafts. */
export const DraftingDepartment = z.object({
  id: z.string(),
  name: z.string(),
  /** Its tickets awaiting a reply, as last polled. */
  awaitingTickets: z.number().int().nonnegative(),
  drafts: z.boolean(),
});
export type DraftingDepartment = z.infer<typeof DraftingDepartment>;

/**
 * Which departments' tickets get drafts. `all`: every department, ones added later too;
 * `chosen`: the departments chosen in the console; `environment`: `WHMCS_DRAFT_DEPARTMENTS`
 * decides, and the console cannot change it.
 */
export const DraftingDepartments = z.object({
  source: z.enum(['all', 'chosen', 'environment']),
  departments: z.array(DraftingDepartment),
  /** False when WHMCS could not be asked: only the departments of the polled tickets are listed. */
  fromWhmcs: z.boolean(),
  changedBy: z.string().nullable(),
  changedAt: IsoDate.nullable(),
});
export type DraftingDepartments = z.infer<typeof DraftingDepartments>;

export const DraftingDepartmentsRequest = z.object({});

/** The most departments a choice may name. */
export const MAX_DRAFTING_DEPARTMENTS = 500;

export const SetDraftingDepartmentsRequest = z.object({
  /** The WHMCS ids of the departments whose tickets get drafts; null for every department. */
  departmentIds: z
    .array(z.string().regex(/^\d{1,10}$/u, 'must be a WHMCS department id'))
    .max(MAX_DRAFTING_DEPARTMENTS)
    .nullable(),
  changedBy: Actor,
});
export type SetDraftingDepartmentsRequest = z.infer<typeof SetDraftingDepartmentsRequest>;

/** Published by whmcs-sync whenever a draft changes state or text, for live console updates. */
export const DraftChanged = z.object({
  draftId: z.uuid(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  departmentId: z.string(),
  status: DraftStatus,
  previousStatus: DraftStatus.nullable(),
  version: z.number().int().positive(),
  confidence: z.number().nullable(),
  changedAt: IsoDate,
});
export type DraftChanged = z.infer<typeof DraftChanged>;

/** RPCs answered by whmcs-sync for the console (through the gateway). */
export const TicketsRpc = {
  ListTickets: 'tickets.list',
  GetTicket: 'tickets.get',
  AddNote: 'tickets.notes.add',
  ListDrafts: 'tickets.drafts.list',
  GetDraft: 'tickets.drafts.get',
  EditDraft: 'tickets.drafts.edit',
  ApproveDraft: 'tickets.drafts.approve',
  RejectDraft: 'tickets.drafts.reject',
  RegenerateDraft: 'tickets.drafts.regenerate',
  ListSentReplies: 'tickets.replies.list',
  GetSentReply: 'tickets.replies.get',
  SimilarReplies: 'tickets.replies.similar',
  ReplyAuthor: 'tickets.replies.author',
  Statuses: 'tickets.statuses',
  SyncStatus: 'tickets.sync.status',
  ResumeSync: 'tickets.sync.resume',
  RunSync: 'tickets.sync.run',
  DraftingDepartments: 'tickets.departments.list',
  SetDraftingDepartments: 'tickets.departments.set',
} as const;

export const TicketsEvent = {
  DraftChanged: 'tickets.draft.changed',
} as const;

export const ticketsMessages = {
  [TicketsRpc.ListTickets]: rpc(ListTicketsRequest, TicketList),
  [TicketsRpc.GetTicket]: rpc(GetTicketRequest, TicketDetail),
  [TicketsRpc.AddNote]: rpc(AddTicketNoteRequest, TicketNoteList),
  [TicketsRpc.ListDrafts]: rpc(ListDraftsRequest, DraftList),
  [TicketsRpc.GetDraft]: rpc(GetDraftRequest, DraftView),
  [TicketsRpc.EditDraft]: rpc(EditDraftRequest, DraftView),
  [TicketsRpc.ApproveDraft]: rpc(ApproveDraftRequest, ApproveDraftResponse),
  [TicketsRpc.RejectDraft]: rpc(RejectDraftRequest, DraftView),
  [TicketsRpc.RegenerateDraft]: rpc(RegenerateDraftRequest, DraftView),
  [TicketsRpc.ListSentReplies]: rpc(ListSentRepliesRequest, SentReplyList),
  [TicketsRpc.GetSentReply]: rpc(GetSentReplyRequest, SentReplyView),
  [TicketsRpc.SimilarReplies]: rpc(SimilarRepliesRequest, SimilarReplies),
  [TicketsRpc.ReplyAuthor]: rpc(ReplyAuthorRequest, ReplyAuthor),
  [TicketsRpc.Statuses]: rpc(TicketStatusesRequest, TicketStatusList),
  [TicketsRpc.SyncStatus]: rpc(SyncStatusRequest, SyncStatus),
  [TicketsRpc.ResumeSync]: rpc(ResumeSyncRequest, SyncStatus),
  [TicketsRpc.RunSync]: rpc(RunSyncRequest, SyncRunResult),
  [TicketsRpc.DraftingDepartments]: rpc(DraftingDepartmentsRequest, DraftingDepartments),
  [TicketsRpc.SetDraftingDepartments]: rpc(SetDraftingDepartmentsRequest, DraftingDepartments),
  [TicketsEvent.DraftChanged]: event(DraftChanged),
};
