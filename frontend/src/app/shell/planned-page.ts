import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { EmptyState } from '../ui/empty-state';
import { PageHeader } from '../ui/page-header';

/**
 * Stands in for a screen whose service is not connected yet, so the navigation is complete.
 * The route gives the heading and what the screen will do (route data `heading`, `summary`).
 */
@Component({
  selector: 'dp-planned-page',
  imports: [PageHeader, EmptyState],
  template: `
    <dp-page-header [heading]="heading()" [subtitle]="summary()" />
    <dp-empty-state
      icon="construction"
      heading="Not connected yet"
      message="This screen is switched on once its service is connected to this installation."
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlannedPage {
  readonly heading = input.required<string>();
  readonly summary = input<string>();
}
