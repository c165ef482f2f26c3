import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  CreateUserRequest,
  UpdateUserRequest,
  User,
  UserListQuery,
  UserPage,
} from '@deskpilot/contracts';

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(query: UserListQuery): Observable<UserPage> {
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params[key] = value as string | number;
      }
    }
    return this.http.get<UserPage>('/api/users', { params });
  }

  create(request: CreateUserRequest): Observable<User> {
    return this.http.post<User>('/api/users', request);
  }

  update(id: string, patch: UpdateUserRequest): Observable<User> {
    return this.http.patch<User>(`/api/users/${id}`, patch);
  }

  disable(id: string): Observable<User> {
    return this.http.post<User>(`/api/users/${id}/disable`, null);
  }

  enable(id: string): Observable<User> {
    return this.http.post<User>(`/api/users/${id}/enable`, null);
  }

  unlock(id: string): Observable<User> {
    return this.http.post<User>(`/api/users/${id}/unlock`, null);
  }

  resetPassword(id: string, password: string): Observable<User> {
    return this.http.post<User>(`/api/users/${id}/password`, { password });
  }
}
