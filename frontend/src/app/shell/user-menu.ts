import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';

import { Session } from '../auth/session';

const ROLE_LABELS = { admin: 'Administrator', staff: 'Support staff' } as const;

/** The signed-in person in the toolbar: who they are, their role, their account, sign out. */
@Component({
  selector: 'dp-user-menu',
  imports: [MatButtonModule, MatMenuModule, MatIconModule, MatDividerModule, RouterLink],
  template: `
    @if (session.user(); as user) {
      <button
        mat-button
        class="trigger"
        type="button"
        [matMenuTriggerFor]="menu"
        [attr.aria-label]="'Account menu for ' + user.name"
        data-testid="user-menu"
      >
        <span class="avatar" aria-hidden="true">{{ initials() }}</span>
        <span class="name">{{ user.name }}</span>
        <mat-icon iconPositionEnd aria-hidden="true">expand_more</mat-icon>
      </button>
      <mat-menu #menu="matMenu" xPosition="before">
        <div class="identity" role="presentation">
          <div class="identity-name">{{ user.name }}</div>
          <div class="identity-email">{{ user.email }}</div>
          <div class="identity-role" data-testid="user-role">{{ roleLabel() }}</div>
        </div>
        <mat-divider />
        <a mat-menu-item routerLink="/account">
          <mat-icon aria-hidden="true">key</mat-icon>
          <span>Change password</span>
        </a>
        <button mat-menu-item type="button" (click)="signOut()" [disabled]="signingOut()">
          <mat-icon aria-hidden="true">logout</mat-icon>
          <span>Sign out</span>
        </button>
      </mat-menu>
    }
  `,
  styles: `
    .trigger {
      --mat-button-text-label-text-color: var(--mat-sys-on-primary);
      height: 40px;
    }
    .avatar {
      display: inline-grid;
      place-items: center;
      width: 28px;
      height: 28px;
      margin-right: 8px;
      border-radius: 50%;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      font: var(--mat-sys-label-medium);
    }
    .identity {
      padding: 12px 16px;
      min-width: 220px;
    }
    .identity-name {
      font: var(--mat-sys-title-small);
    }
    .identity-email,
    .identity-role {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .identity-role {
      margin-top: 4px;
    }
    @media (max-width: 599px) {
      .name {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserMenu {
  protected readonly session = inject(Session);
  protected readonly signingOut = signal(false);

  protected readonly initials = computed(() =>
    (this.session.user()?.name ?? '')
      .split(/\s+/)
      .filter((part) => part.length > 0)
      .slice(0, 2)
      .map((part) => part.charAt(0).toUpperCase())
      .join(''),
  );
  protected readonly roleLabel = computed(() => {
    const role = this.session.role();
    return role === null ? '' : ROLE_LABELS[role];
  });

  protected signOut(): void {
    this.signingOut.set(true);
    this.session.signOut().subscribe({
      error: () => {
        // The session is ended locally either way; the server forgets it when the cookie expires.
        this.signingOut.set(false);
      },
      complete: () => {
        this.signingOut.set(false);
      },
    });
  }
}
