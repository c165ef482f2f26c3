import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import { EmptyState } from '../ui/empty-state';
import { PageHeader } from '../ui/page-header';

/** Where a signed-in person lands when their role does not allow the page they asked for. */
@Component({
  selector: 'dp-forbidden-page',
  imports: [PageHeader, EmptyState, MatButtonModule, RouterLink],
  template: `
    <dp-page-header heading="No access" />
    <dp-empty-state
      icon="lock"
      heading="This page is for administrators"
      [message]="message()"
      data-testid="forbidden"
    >
      <a mat-flat-button routerLink="/home">Go to the home page</a>
    </dp-empty-state>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForbiddenPage {
  /** The address that was refused. */
  readonly from = input<string>();

  protected message(): string {
    const from = this.from();
    const what = from === undefined ? 'That page' : `The page ${from}`;
    return `${what} needs a role your account does not have. Ask an administrator if you need it.`;
  }
}
