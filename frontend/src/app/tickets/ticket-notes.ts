import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import type { TicketNote } from '@deskpilot/contracts';

import { describeHttpError } from '../ui/http-error';
import { TicketsApi } from './tickets-api';

/**
 * A ticket's private WHMCS staff notes, and a field to add one. The notes are the team's: the
 * customer never sees them; the drafter reads them as context (unless WHMCS_DRAFT_NOTES is off).
 */
@Component({
  selector: 'dp-ticket-notes',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './ticket-notes.html',
  styleUrl: './ticket-notes.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketNotes {
  private readonly api = inject(TicketsApi);

  readonly ticketId = input.required<string>();
  readonly notes = input.required<readonly TicketNote[]>();
  /** The ticket's notes as WHMCS has them after one was added. */
  readonly added = output<TicketNote[]>();

  protected readonly text = signal('');
  protected readonly saving = signal(false);
  protected readonly error = signal<string | undefined>(undefined);

  protected onKey(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      // Elsewhere on the review screen Ctrl/⌘ + Enter sends the reply; here it adds the note.
      event.preventDefault();
      event.stopPropagation();
      this.add();
    }
  }

  protected add(): void {
    const text = this.text().trim();
    if (text === '' || this.saving()) {
      return;
    }
    this.saving.set(true);
    this.error.set(undefined);
    this.api.addNote(this.ticketId(), { text }).subscribe({
      next: (list) => {
        this.saving.set(false);
        this.text.set('');
        this.added.emit(list.notes);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(describeHttpError(error));
      },
    });
  }
}
