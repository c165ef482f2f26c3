import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { ChangeOwnPasswordRequest } from '@deskpilot/contracts';

@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  changePassword(request: ChangeOwnPasswordRequest): Observable<null> {
    return this.http.put<null>('/api/me/password', request);
  }
}
