import { ConflictException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { z } from 'zod';

import type {
  Actor,
  ApproveDraftBody,
  ApproveDraftResponse,
  DraftPage,
  DraftStatus,
  DraftView,
  DraftingDepartments,
  DraftsQuery,
  EditDraftBody,
  RegenerateDraftBody,
  RejectDraftBody,
  RepliesQuery,
  ReplyAuthor,
  RpcName,
  RpcRequest,
  RpcResponse,
  SentReplyPage,
  SimilarReplies,
  SyncRunResult,
  SyncStatus,
  TicketDetailResponse,
  TicketNoteList,
  TicketPage,
  TicketStatusList,
  TicketsQuery,
} from '@deskpilot/contracts';
import { AuditAction, TicketsRpc } from '@deskpilot/contracts';
import { MessageBus, RpcTimeoutError } from '@deskpilot/messaging';

import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth';
import { SentReplyAuditService } from './sent-reply-audit.service';

/** Reads and review steps answer quickly; a WHMCS poll may take a while. */
const TIMEOUT_MS = 10_000;
/** Approval re-reads the ticket in WHMCS, then posts the reply: whmcs-sync answers within ~8 s. */
const APPROVE_TIMEOUT_MS = 20_000;
const SYNC_RUN_TIMEOUT_MS = 60_000;

interface Paging {
  readonly page: number;
  readonly pageSize: number;
}

/**
 * Tickets, drafts and sent replies kept by whmcs-sync, read and reviewed over the bus. Every
 * review step is recorded in the audit log with the outcome whmcs-sync reported.
 */
@Injectable()
export class TicketsService {
  constructor(
    private readonly bus: MessageBus,
    private readonly audit: AuditService,
    private readonly sentReplies: SentReplyAuditService,
  ) {}

  async listTickets(query: z.output<typeof TicketsQuery>): Promise<TicketPage> {
    const { page, pageSize, ...filters } = query;
    const list = await this.request(TicketsRpc.ListTickets, { ...filters, ...window(query) });
    return { items: list.items, page, pageSize, total: list.total };
  }

  async getTicket(ticketId: string): Promise<TicketDetailResponse> {
    const ticket = await this.request(TicketsRpc.GetTicket, { ticketId });
    return { ...ticket, currentDraft: ticket.drafts[0] ?? null };
  }

  async addNote(user: AuthenticatedUser, ticketId: string, text: string): Promise<TicketNoteList> {
    const result = await this.request(TicketsRpc.AddNote, {
      ticketId,
      text,
      addedBy: actorOf(user),
    });
    await this.audit.record({
      action: AuditAction.TicketNoteAdded,
      target: { type: 'ticket', id: ticketId },
      details: { length: text.length },
    });
    return result;
  }

  async listDrafts(query: z.output<typeof DraftsQuery>): Promise<DraftPage> {
    const { page, pageSize, ...filters } = query;
    const list = await this.request(TicketsRpc.ListDrafts, { ...filters, ...window(query) });
    return { items: list.items, page, pageSize, total: list.total };
  }

  getDraft(draftId: string): Promise<DraftView> {
    return this.request(TicketsRpc.GetDraft, { draftId });
  }

  similarReplies(draftId: string): Promise<SimilarReplies> {
    return this.request(TicketsRpc.SimilarReplies, { draftId });
  }

  async editDraft(
    user: AuthenticatedUser,
    draftId: string,
    body: z.output<typeof EditDraftBody>,
  ): Promise<DraftView> {
    const draft = await this.request(TicketsRpc.EditDraft, {
      draftId,
      text: body.text,
      editedBy: actorOf(user),
      ...versionOf(body.expectedVersion),
    });
    await this.audit.record({
      action: AuditAction.DraftEdited,
      target: { type: 'draft', id: draftId },
      details: { ticketId: draft.ticketId, version: draft.version, length: body.text.length },
    });
    return draft;
  }

  async approveDraft(
    user: AuthenticatedUser,
    draftId: string,
    body: z.output<typeof ApproveDraftBody>,
  ): Promise<ApproveDraftResponse> {
    const before = await this.request(TicketsRpc.GetDraft, { draftId });
    const result = await this.request(
      TicketsRpc.ApproveDraft,
      {
        draftId,
        approvedBy: actorOf(user),
        ...(body.text === undefined ? {} : { text: body.text }),
        ...(body.status === undefined ? {} : { status: body.status }),
        ...versionOf(body.expectedVersion),
      },
      APPROVE_TIMEOUT_MS,
      'whmcs-sync did not confirm the approval in time; the reply may still be posted. ' +
        'Check the draft before approving again.',
    );
    // Approving a sent draft again only reports how it went: nothing new to audit.
    if (before.status !== 'sent') {
      await this.recordApproval(result, before.status);
    }
    if (result.outcome === 'stale') {
      throw new ConflictException(result.message);
    }
    return result;
  }

  private async recordApproval(result: ApproveDraftResponse, from: DraftStatus): Promise<void> {
    const { draft } = result;
    await this.audit.record({
      action: AuditAction.DraftApproved,
      target: { type: 'draft', id: draft.id },
      details: {
        ticketId: draft.ticketId,
        outcome: result.outcome,
        from,
        edited: draft.humanText !== null,
        editRatio: draft.editRatio,
        replyStatus: draft.replyStatus,
      },
    });
    if (result.outcome === 'sent') {
      await this.sentReplies.sentOnApproval(draft);
    }
  }

  async rejectDraft(
    user: AuthenticatedUser,
    draftId: string,
    body: z.output<typeof RejectDraftBody>,
  ): Promise<DraftView> {
    const draft = await this.request(TicketsRpc.RejectDraft, {
      draftId,
      rejectedBy: actorOf(user),
      ...(body.reason === undefined || body.reason === '' ? {} : { reason: body.reason }),
      ...versionOf(body.expectedVersion),
    });
    await this.audit.record({
      action: AuditAction.DraftRejected,
      target: { type: 'draft', id: draftId },
      details: { ticketId: draft.ticketId, reason: draft.statusReason },
    });
    return draft;
  }

  async regenerateDraft(
    user: AuthenticatedUser,
    draftId: string,
    body: z.output<typeof RegenerateDraftBody>,
  ): Promise<DraftView> {
    const draft = await this.request(TicketsRpc.RegenerateDraft, {
      draftId,
      requestedBy: actorOf(user),
      ...(body.guidance === undefined ? {} : { guidance: body.guidance }),
      ...(body.sourceDocumentIds === undefined
        ? {}
        : { sourceDocumentIds: body.sourceDocumentIds }),
    });
    await this.audit.record({
      action: AuditAction.DraftRegenerated,
      target: { type: 'draft', id: draftId },
      details: {
        ticketId: draft.ticketId,
        newDraftId: draft.id,
        guided: body.guidance !== undefined,
        ...(body.sourceDocumentIds === undefined
          ? {}
          : { sourceDocumentIds: body.sourceDocumentIds }),
      },
    });
    return draft;
  }

  /** Who WHMCS will show as the author of the replies `user` approves, and their signature. */
  replyAuthor(user: AuthenticatedUser): Promise<ReplyAuthor> {
    return this.request(TicketsRpc.ReplyAuthor, { approver: actorOf(user) });
  }

  replyStatuses(): Promise<TicketStatusList> {
    return this.request(TicketsRpc.Statuses, {});
  }

  async listReplies(query: z.output<typeof RepliesQuery>): Promise<SentReplyPage> {
    const { page, pageSize, ticketId, search } = query;
    const list = await this.request(TicketsRpc.ListSentReplies, {
      ...(ticketId === undefined ? {} : { ticketId }),
      ...(search === undefined ? {} : { search }),
      ...window(query),
    });
    return { items: list.items, page, pageSize, total: list.total };
  }

  syncStatus(): Promise<SyncStatus> {
    return this.request(TicketsRpc.SyncStatus, {});
  }

  async resumeSync(user: AuthenticatedUser): Promise<SyncStatus> {
    const status = await this.request(TicketsRpc.ResumeSync, { requestedBy: actorOf(user) });
    await this.audit.record({
      action: AuditAction.SyncResumed,
      target: { type: 'whmcs', id: status.whmcsUrl },
      details: { state: status.state },
    });
    return status;
  }

  draftingDepartments(): Promise<DraftingDepartments> {
    return this.request(TicketsRpc.DraftingDepartments, {});
  }

  /** Audited with the names of the departments drafted from now on. */
  async chooseDraftingDepartments(
    user: AuthenticatedUser,
    departmentIds: readonly string[] | null,
  ): Promise<DraftingDepartments> {
    const result = await this.request(TicketsRpc.SetDraftingDepartments, {
      departmentIds: departmentIds === null ? null : [...departmentIds],
      changedBy: actorOf(user),
    });
    await this.audit.record({
      action: AuditAction.DraftingDepartmentsChanged,
      details: {
        drafted:
          departmentIds === null
            ? 'every department'
            : result.departments
                .filter((department) => department.drafts)
                .map((department) => department.name),
      },
    });
    return result;
  }

  runSync(full: boolean): Promise<SyncRunResult> {
    return this.request(TicketsRpc.RunSync, { full }, SYNC_RUN_TIMEOUT_MS);
  }

  /** A request to whmcs-sync; no answer in time means it is down or overloaded: 503. */
  async request<N extends RpcName>(
    name: N,
    payload: RpcRequest<N>,
    timeoutMs = TIMEOUT_MS,
    timeoutMessage = 'whmcs-sync did not answer; try again shortly',
  ): Promise<RpcResponse<N>> {
    try {
      return await this.bus.request(name, payload, { timeoutMs });
    } catch (error) {
      if (error instanceof RpcTimeoutError) {
        throw new ServiceUnavailableException(timeoutMessage);
      }
      throw error;
    }
  }
}

function window({ page, pageSize }: Paging): { limit: number; offset: number } {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

function actorOf(user: AuthenticatedUser): Actor {
  return { id: user.id, name: user.name, email: user.email };
}

function versionOf(expectedVersion: number | undefined): { expectedVersion?: number } {
  return expectedVersion === undefined ? {} : { expectedVersion };
}
