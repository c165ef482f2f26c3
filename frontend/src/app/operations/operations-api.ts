import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { catchError, of, throwError } from 'rxjs';

import type {
  DeadLetterList,
  DraftingDepartments,
  DraftingDepartmentsBody,
  QueueOverview,
  ReplayDeadLettersRequest,
  ReplayDeadLettersResponse,
  ServiceName,
  SyncRunResult,
  SyncStatus,
  SystemHealth,
} from '@deskpilot/contracts';

@Injectable({ providedIn: 'root' })
export class OperationsApi {
  private readonly http = inject(HttpClient);

  /** Readiness of every service; a 503 still carries the report, which says what is down. */
  health(): Observable<SystemHealth> {
    return this.http
      .get<SystemHealth>('/api/health')
      .pipe(
        catchError((error: unknown) =>
          error instanceof HttpErrorResponse && error.status === 503 && isHealthReport(error.error)
            ? of(error.error)
            : throwError(() => error),
        ),
      );
  }

  queues(): Observable<QueueOverview> {
    return this.http.get<QueueOverview>('/api/ops/queues');
  }

  deadLetters(service: ServiceName | undefined): Observable<DeadLetterList> {
    return this.http.get<DeadLetterList>('/api/ops/dead-letters', {
      params: service === undefined ? {} : { service },
    });
  }

  syncStatus(): Observable<SyncStatus> {
    return this.http.get<SyncStatus>('/api/whmcs/sync');
  }

  /** Polls WHMCS now; `full` reads every awaiting ticket again, changed or not. */
  runSync(full: boolean): Observable<SyncRunResult> {
    return this.http.post<SyncRunResult>('/api/whmcs/sync/run', { full });
  }

  departments(): Observable<DraftingDepartments> {
    return this.http.get<DraftingDepartments>('/api/whmcs/departments');
  }

  chooseDepartments(body: DraftingDepartmentsBody): Observable<DraftingDepartments> {
    return this.http.put<DraftingDepartments>('/api/whmcs/departments', body);
  }

  /** Polling and posting again after WHMCS answered 403. */
  resumeSync(): Observable<SyncStatus> {
    return this.http.post<SyncStatus>('/api/whmcs/sync/resume', {});
  }

  replay(request: ReplayDeadLettersRequest): Observable<ReplayDeadLettersResponse> {
    return this.http.post<ReplayDeadLettersResponse>('/api/ops/dead-letters/replay', request);
  }
}

function isHealthReport(body: unknown): body is SystemHealth {
  return typeof body === 'object' && body !== null && 'services' in body && 'status' in body;
}
