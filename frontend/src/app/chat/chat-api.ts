import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  Conversation,
  ConversationPage,
  ConversationWithMessages,
  FeedbackRequest,
  MessageFeedback,
} from '@deskpilot/contracts';

/** The most recent conversations the list shows. */
const LIST_SIZE = 50;

@Injectable({ providedIn: 'root' })
export class ChatApi {
  private readonly http = inject(HttpClient);

  list(): Observable<ConversationPage> {
    return this.http.get<ConversationPage>('/api/conversations', {
      params: { page: 1, pageSize: LIST_SIZE },
    });
  }

  create(): Observable<Conversation> {
    return this.http.post<Conversation>('/api/conversations', {});
  }

  get(id: string): Observable<ConversationWithMessages> {
    return this.http.get<ConversationWithMessages>(`/api/conversations/${id}`);
  }

  rename(id: string, title: string): Observable<Conversation> {
    return this.http.patch<Conversation>(`/api/conversations/${id}`, { title });
  }

  delete(id: string): Observable<null> {
    return this.http.delete<null>(`/api/conversations/${id}`);
  }

  rate(messageId: string, request: FeedbackRequest): Observable<MessageFeedback> {
    return this.http.put<MessageFeedback>(`/api/feedback/${messageId}`, request);
  }

  withdrawRating(messageId: string): Observable<null> {
    return this.http.delete<null>(`/api/feedback/${messageId}`);
  }
}
