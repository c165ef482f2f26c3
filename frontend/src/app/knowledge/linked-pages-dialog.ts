import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';

import type { DiscoveredPage, DocumentDiscoverResponse } from '@deskpilot/contracts';

import { ErrorState } from '../ui/error-state';
import { LoadingState } from '../ui/loading-state';
import { RemoteData } from '../ui/remote-data';
import { KnowledgeApi } from './knowledge-api';

/**
 * The pages a help-centre page links to on its site (or a sitemap lists), for an administrator
 * to pick those to import: the article pages, not the store or the login. Closes with the
 * chosen addresses.
 */
@Component({
  selector: 'dp-linked-pages-dialog',
  imports: [
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ErrorState,
    LoadingState,
  ],
  template: `
    <h2 mat-dialog-title>Pages to import</h2>
    <mat-dialog-content class="content">
      @if (found.error(); as message) {
        <dp-error-state
          heading="The address could not be read"
          [message]="message"
          (retry)="load()"
        />
      }
      @if (found.value(); as response) {
        <p class="lead">
          {{ plural(response.pages.length, 'page') }} of the site{{
            response.truncated ? ' (the first of more)' : ''
          }},
          {{ response.kind === 'sitemap' ? 'listed by the sitemap at' : 'linked from' }}
          <span class="address">{{ response.url }}</span>{{
            response.followed > 0
              ? ' and the ' + plural(response.followed, 'page') + ' under it'
              : ''
          }}.
          @if (response.unreadable > 0) {
            {{ plural(response.unreadable, 'page') }} under it could not be read.
          }
          @if (importedCount() > 0) {
            {{ importedCount() }} of them {{ importedCount() === 1 ? 'is' : 'are' }} already in the
            knowledge base.
          }
        </p>
        @if (response.kind === 'page') {
          <mat-checkbox
            class="deeper"
            [checked]="depth() === 2"
            (change)="readDeeper($event.checked)"
            >Also list what the pages under it link to (a help centre's categories)</mat-checkbox
          >
        }
        <mat-form-field class="filter">
          <mat-label>Only addresses or titles containing</mat-label>
          <mat-icon matPrefix aria-hidden="true">filter_list</mat-icon>
          <input
            matInput
            [value]="filter()"
            (input)="filter.set($any($event.target).value)"
            placeholder="knowledgebase"
          />
        </mat-form-field>
        <mat-checkbox
          class="all"
          [checked]="allShownChosen()"
          [indeterminate]="someShownChosen() && !allShownChosen()"
          [disabled]="importable().length === 0"
          (change)="chooseShown($event.checked)"
          >All {{ importable().length }} shown{{
            importable().length < shown().length ? ' not yet imported' : ''
          }}</mat-checkbox
        >
        <ul class="pages" aria-label="Linked pages">
          @for (page of shown(); track page.url) {
            <li>
              <mat-checkbox
                [checked]="chosen().has(page.url)"
                [disabled]="page.documentId !== null"
                (change)="choose(page.url, $event.checked)"
              >
                <span class="page-text">{{ page.text || page.url }}</span>
                @if (page.documentId !== null) {
                  <span class="imported">In the knowledge base</span>
                }
                <span class="address">{{ page.url }}</span>
              </mat-checkbox>
            </li>
          }
        </ul>
      } @else if (found.loading()) {
        <dp-loading-state label="Reading the page…" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button
        mat-flat-button
        type="button"
        [disabled]="chosen().size === 0"
        (click)="importChosen()"
      >
        Import {{ chosen().size }} {{ chosen().size === 1 ? 'page' : 'pages' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .content {
      display: flex;
      flex-direction: column;
    }
    .lead {
      margin: 0 0 8px;
    }
    .deeper {
      margin-bottom: 8px;
    }
    .address {
      display: block;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .imported {
      margin-left: 8px;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-primary);
    }
    .lead .address {
      display: inline;
    }
    .pages {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .pages li {
      padding: 2px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LinkedPagesDialog {
  private readonly api = inject(KnowledgeApi);
  private readonly dialogRef = inject<MatDialogRef<LinkedPagesDialog, string[]>>(MatDialogRef);
  private readonly address = inject<string>(MAT_DIALOG_DATA);

  protected readonly found = new RemoteData<DocumentDiscoverResponse>();
  protected readonly depth = signal<1 | 2>(1);
  protected readonly filter = signal('');
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  protected readonly shown = computed<readonly DiscoveredPage[]>(() => {
    const words = this.filter().trim().toLowerCase();
    const pages = this.found.value()?.pages ?? [];
    return words === ''
      ? pages
      : pages.filter((page) => `${page.url} ${page.text}`.toLowerCase().includes(words));
  });
  /** The shown pages not imported yet: an imported page is refreshed, not imported again. */
  protected readonly importable = computed(() =>
    this.shown().filter((page) => page.documentId === null),
  );
  protected readonly importedCount = computed(
    () => (this.found.value()?.pages ?? []).filter((page) => page.documentId !== null).length,
  );
  protected readonly allShownChosen = computed(
    () =>
      this.importable().length > 0 &&
      this.importable().every((page) => this.chosen().has(page.url)),
  );
  protected readonly someShownChosen = computed(() =>
    this.importable().some((page) => this.chosen().has(page.url)),
  );

  constructor() {
    this.load();
  }

  protected load(): void {
    this.found.load(this.api.discover(this.address, this.depth()));
  }

  protected plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
  }

  protected readDeeper(deeper: boolean): void {
    this.depth.set(deeper ? 2 : 1);
    this.load();
  }

  protected choose(url: string, checked: boolean): void {
    this.chosen.update((chosen) => {
      const next = new Set(chosen);
      if (checked) {
        next.add(url);
      } else {
        next.delete(url);
      }
      return next;
    });
  }

  protected chooseShown(checked: boolean): void {
    for (const page of this.importable()) {
      this.choose(page.url, checked);
    }
  }

  protected importChosen(): void {
    const order = this.found.value()?.pages.map((page) => page.url) ?? [];
    this.dialogRef.close(order.filter((url) => this.chosen().has(url)));
  }
}
