import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  AddTicketNoteBody,
  ApproveDraftBody,
  ApproveDraftResponse,
  DocumentUploadResult,
  DraftPage,
  DraftView,
  DraftsQuery,
  EditDraftBody,
  RegenerateDraftBody,
  RejectDraftBody,
  RepliesQuery,
  ReplyAuthor,
  ReplyToKnowledgeBody,
  SentReplyPage,
  SimilarReplies,
  TicketDetailResponse,
  TicketNoteList,
  TicketStatusList,
} from '@deskpilot/contracts';

/** Tickets, drafts and sent replies, through the gateway's tickets API. */
@Injectable({ providedIn: 'root' })
export class TicketsApi {
  private readonly http = inject(HttpClient);

  drafts(query: DraftsQuery): Observable<DraftPage> {
    return this.http.get<DraftPage>('/api/drafts', { params: paramsOf(query) });
  }

  draft(id: string): Observable<DraftView> {
    return this.http.get<DraftView>(`/api/drafts/${encodeURIComponent(id)}`);
  }

  ticket(id: string): Observable<TicketDetailResponse> {
    return this.http.get<TicketDetailResponse>(`/api/tickets/${encodeURIComponent(id)}`);
  }

  edit(id: string, body: EditDraftBody): Observable<DraftView> {
    return this.http.patch<DraftView>(`/api/drafts/${encodeURIComponent(id)}`, body);
  }

  approve(id: string, body: ApproveDraftBody): Observable<ApproveDraftResponse> {
    return this.http.post<ApproveDraftResponse>(
      `/api/drafts/${encodeURIComponent(id)}/approve`,
      body,
    );
  }

  reject(id: string, body: RejectDraftBody): Observable<DraftView> {
    return this.http.post<DraftView>(`/api/drafts/${encodeURIComponent(id)}/reject`, body);
  }

  /** Asks for a new draft; `guidance` (may be empty) says what it should do differently. */
  similarReplies(draftId: string): Observable<SimilarReplies> {
    return this.http.get<SimilarReplies>(
      `/api/drafts/${encodeURIComponent(draftId)}/similar-replies`,
    );
  }

  regenerate(id: string, body: RegenerateDraftBody): Observable<DraftView> {
    return this.http.post<DraftView>(`/api/drafts/${encodeURIComponent(id)}/regenerate`, body);
  }

  addReplyToKnowledge(
    replyId: string,
    body: ReplyToKnowledgeBody,
  ): Observable<DocumentUploadResult> {
    return this.http.post<DocumentUploadResult>(
      `/api/replies/${encodeURIComponent(replyId)}/knowledge`,
      body,
    );
  }

  /** Who WHMCS shows as the author of the replies the signed-in person approves. */
  replyAuthor(): Observable<ReplyAuthor> {
    return this.http.get<ReplyAuthor>('/api/replies/author');
  }

  /** Adds a private staff note to the WHMCS ticket; answers the ticket's notes. */
  addNote(ticketId: string, body: AddTicketNoteBody): Observable<TicketNoteList> {
    return this.http.post<TicketNoteList>(
      `/api/tickets/${encodeURIComponent(ticketId)}/notes`,
      body,
    );
  }

  /** The WHMCS ticket statuses a reply can set, in the install's order. */
  replyStatuses(): Observable<TicketStatusList> {
    return this.http.get<TicketStatusList>('/api/replies/statuses');
  }

  replies(query: RepliesQuery): Observable<SentReplyPage> {
    return this.http.get<SentReplyPage>('/api/replies', { params: paramsOf(query) });
  }
}

function paramsOf(query: object): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (Array.isArray(value)) {
      if (value.length > 0) {
        params[key] = value.join(',');
      }
    } else if (typeof value === 'string' || typeof value === 'number') {
      if (value !== '') {
        params[key] = value;
      }
    }
  }
  return params;
}
