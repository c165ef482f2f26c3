import { Injectable, signal } from '@angular/core';

import type { BotSettingsValues } from '@deskpilot/contracts';

/**
 * Edited settings not saved yet. The settings form keeps them here, so the playground can try
 * them and the form still holds them when the person comes back.
 */
@Injectable({ providedIn: 'root' })
export class SettingsDraft {
  private readonly values = signal<BotSettingsValues | undefined>(undefined);

  readonly settings = this.values.asReadonly();

  keep(settings: BotSettingsValues): void {
    this.values.set(settings);
  }

  discard(): void {
    this.values.set(undefined);
  }
}
