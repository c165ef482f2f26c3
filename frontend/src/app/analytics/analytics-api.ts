import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  AnalyticsQuery,
  AnalyticsReport,
  CloseGapBody,
  GapClosed,
  GapReopened,
  InteractionDetail,
  InteractionsQuery,
  KnowledgeGapsQuery,
  KnowledgeGapsReport,
  ListInteractionsResponse,
  ReopenGapBody,
} from '@deskpilot/contracts';

@Injectable({ providedIn: 'root' })
export class AnalyticsApi {
  private readonly http = inject(HttpClient);

  report(query: AnalyticsQuery): Observable<AnalyticsReport> {
    return this.http.get<AnalyticsReport>('/api/analytics', { params: paramsOf(query) });
  }

  knowledgeGaps(query: KnowledgeGapsQuery): Observable<KnowledgeGapsReport> {
    return this.http.get<KnowledgeGapsReport>('/api/analytics/knowledge-gaps', {
      params: paramsOf(query),
    });
  }

  closeGap(body: CloseGapBody): Observable<GapClosed> {
    return this.http.post<GapClosed>('/api/analytics/knowledge-gaps/close', body);
  }

  reopenGap(body: ReopenGapBody): Observable<GapReopened> {
    return this.http.post<GapReopened>('/api/analytics/knowledge-gaps/reopen', body);
  }

  /** With `reopen` (an undo), the questions the topic closed count as gaps again. */
  forgetDismissedTopic(topicId: string, reopen = false): Observable<null> {
    return this.http.delete<null>(
      `/api/analytics/knowledge-gaps/dismissed-topics/${encodeURIComponent(topicId)}`,
      reopen ? { params: { reopen: 'true' } } : {},
    );
  }

  interactions(query: InteractionsQuery): Observable<ListInteractionsResponse> {
    return this.http.get<ListInteractionsResponse>('/api/interactions', {
      params: paramsOf(query),
    });
  }

  interaction(id: string): Observable<InteractionDetail> {
    return this.http.get<InteractionDetail>(`/api/interactions/${encodeURIComponent(id)}`);
  }
}

function paramsOf(query: object): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' ? value !== '' : typeof value === 'number') {
      params[key] = value as string | number;
    }
  }
  return params;
}
