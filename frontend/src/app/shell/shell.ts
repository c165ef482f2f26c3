import { BreakpointObserver } from '@angular/cdk/layout';
import type { ElementRef } from '@angular/core';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { MatSidenav } from '@angular/material/sidenav';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map, skip } from 'rxjs';

import { Session } from '../auth/session';
import { navigationFor } from './navigation';
import { UserMenu } from './user-menu';

/** The frame around every signed-in screen: toolbar, role-aware sidenav and the page. */
@Component({
  selector: 'dp-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatIconModule,
    MatButtonModule,
    UserMenu,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly sidenav = viewChild.required<MatSidenav>('sidenav');
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly sections = computed(() => navigationFor(this.session.role()));

  constructor() {
    const subscription = this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        // The first page is announced by the browser itself.
        skip(1),
      )
      .subscribe(() => {
        if (this.compact()) {
          void this.sidenav().close();
        }
        // Move focus to the new page, as a full page load would, for keyboard and screen readers,
        // unless the page has already put it somewhere (the question box of a new conversation).
        setTimeout(() => {
          const main = this.main().nativeElement;
          const focused = document.activeElement;
          if (focused !== null && focused !== main && main.contains(focused)) {
            return;
          }
          const heading = main.querySelector<HTMLElement>('h1');
          (heading ?? main).focus({ preventScroll: false });
        });
      });
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
    });
  }

  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
