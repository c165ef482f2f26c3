import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import { Session } from '../auth/session';
import { WhmcsStoppedNotice } from '../operations/whmcs-stopped-notice';
import { navigationFor } from '../shell/navigation';
import { PageHeader } from '../ui/page-header';
import { WaitingWork } from './waiting-work';

/**
 * The landing page after sign-in: a greeting, the work waiting for this person, and the screens
 * they can use.
 */
@Component({
  selector: 'dp-home-page',
  imports: [PageHeader, RouterLink, MatIconModule, WhmcsStoppedNotice, WaitingWork],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly session = inject(Session);

  protected readonly isAdmin = computed(() => this.session.role() === 'admin');

  protected readonly greeting = computed(() => {
    const first = (this.session.user()?.name ?? '').split(/\s+/)[0] ?? '';
    const hour = new Date().getHours();
    const part = hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
    return first === '' ? part : `${part}, ${first}`;
  });
  protected readonly sections = computed(() =>
    navigationFor(this.session.role())
      .map((section) => ({
        ...section,
        items: section.items.filter((item) => item.path !== '/home'),
      }))
      .filter((section) => section.items.length > 0),
  );
}
