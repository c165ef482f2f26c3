import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  BotSettingsDiff,
  BotSettingsHistory,
  BotSettingsVersion,
  PlaygroundRequest,
  PlaygroundResult,
  SaveBotSettingsRequest,
} from '@deskpilot/contracts';

@Injectable({ providedIn: 'root' })
export class BotApi {
  private readonly http = inject(HttpClient);

  current(): Observable<BotSettingsVersion> {
    return this.http.get<BotSettingsVersion>('/api/settings/bot');
  }

  save(body: SaveBotSettingsRequest): Observable<BotSettingsVersion> {
    return this.http.put<BotSettingsVersion>('/api/settings/bot', body);
  }

  versions(page: number, pageSize: number): Observable<BotSettingsHistory> {
    return this.http.get<BotSettingsHistory>('/api/settings/bot/versions', {
      params: { page, pageSize },
    });
  }

  diff(from: number, to: number): Observable<BotSettingsDiff> {
    return this.http.get<BotSettingsDiff>('/api/settings/bot/diff', { params: { from, to } });
  }

  rollback(version: number): Observable<BotSettingsVersion> {
    return this.http.post<BotSettingsVersion>('/api/settings/bot/rollback', { version });
  }

  playground(body: PlaygroundRequest): Observable<PlaygroundResult> {
    return this.http.post<PlaygroundResult>('/api/playground', body);
  }
}
