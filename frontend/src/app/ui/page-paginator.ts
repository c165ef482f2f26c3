import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatPaginatorModule } from '@angular/material/paginator';

/** Where a server-paged list stands; pages count from 1, as the API's do. */
export interface PagePosition {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** The pager under a server-paged table: first, previous, next and last, no page-size picker. */
@Component({
  selector: 'dp-page-paginator',
  imports: [MatPaginatorModule],
  template: `
    <mat-paginator
      [length]="at().total"
      [pageIndex]="at().page - 1"
      [pageSize]="at().pageSize"
      [hidePageSize]="true"
      [showFirstLastButtons]="true"
      [attr.aria-label]="label()"
      (page)="pageChange.emit($event.pageIndex + 1)"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PagePaginator {
  readonly at = input.required<PagePosition>();
  /** Names the pager for screen readers, e.g. "Pages of users". */
  readonly label = input.required<string>();
  /** The page asked for, counted from 1. */
  readonly pageChange = output<number>();
}
