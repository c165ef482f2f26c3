import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import { EmptyState } from '../ui/empty-state';
import { PageHeader } from '../ui/page-header';

@Component({
  selector: 'dp-not-found-page',
  imports: [PageHeader, EmptyState, MatButtonModule, RouterLink],
  template: `
    <dp-page-header heading="Page not found" />
    <dp-empty-state
      icon="travel_explore"
      heading="There is nothing at this address"
      message="The link may be old or mistyped. Use the navigation to find your way."
    >
      <a mat-flat-button routerLink="/home">Go to the home page</a>
    </dp-empty-state>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
