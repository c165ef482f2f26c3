import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { PageHeader } from '../ui/page-header';

/** The bot's settings and the playground to try them, as two tabs with their own addresses. */
@Component({
  selector: 'dp-bot-page',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, PageHeader],
  template: `
    <dp-page-header
      heading="Bot settings"
      subtitle="How the assistant answers. Every change is a new version you can compare and roll back."
    />
    <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Bot settings sections">
      @for (tab of tabs; track tab.path) {
        <a
          mat-tab-link
          [routerLink]="tab.path"
          routerLinkActive
          #active="routerLinkActive"
          [routerLinkActiveOptions]="{ exact: true }"
          [active]="active.isActive"
          >{{ tab.label }}</a
        >
      }
    </nav>
    <mat-tab-nav-panel #panel>
      <router-outlet />
    </mat-tab-nav-panel>
  `,
  styles: `
    nav {
      margin-bottom: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BotPage {
  protected readonly tabs = [
    { path: '/bot', label: 'Settings' },
    { path: '/bot/playground', label: 'Playground' },
  ];
}
