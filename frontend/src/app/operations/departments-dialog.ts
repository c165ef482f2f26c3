import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatRadioModule } from '@angular/material/radio';

import type { DraftingDepartments } from '@deskpilot/contracts';

import { describeHttpError } from '../ui/http-error';
import { OperationsApi } from './operations-api';

/**
 * Chooses the WHMCS departments whose tickets get drafts: every department (ones added later
 * too), or only those ticked. An abuse or sales desk answered by people is left out this way.
 */
@Component({
  selector: 'dp-departments-dialog',
  imports: [MatDialogModule, MatButtonModule, MatCheckboxModule, MatRadioModule],
  template: `
    <h2 mat-dialog-title>Departments that get drafts</h2>
    <mat-dialog-content>
      <p class="lead">
        Tickets of the other departments are still polled and listed, without a draft. A department
        added gets drafts from the next poll on; drafts already written stay.
      </p>
      @if (!current.fromWhmcs) {
        <p class="note" role="note">
          WHMCS could not be asked, so only the departments of polled tickets are listed.
        </p>
      }
      <mat-radio-group
        class="choice"
        aria-label="Departments that get drafts"
        [value]="everyDepartment() ? 'all' : 'chosen'"
        (change)="everyDepartment.set($event.value === 'all')"
      >
        <mat-radio-button value="all">Every department, also ones added later</mat-radio-button>
        <mat-radio-button value="chosen">Only these departments</mat-radio-button>
      </mat-radio-group>
      <ul class="departments" aria-label="Departments">
        @for (department of current.departments; track department.id) {
          <li>
            <mat-checkbox
              [checked]="everyDepartment() || chosen().has(department.id)"
              [disabled]="everyDepartment()"
              (change)="toggle(department.id, $event.checked)"
            >
              {{ department.name }}
            </mat-checkbox>
            <span class="muted">{{ department.awaitingTickets }} awaiting a reply</span>
          </li>
        }
      </ul>
      @if (error(); as message) {
        <p class="form-error" role="alert">{{ message }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" [disabled]="!valid() || saving()" (click)="save()">
        {{ saving() ? 'Saving…' : 'Save' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .lead {
      margin-top: 0;
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
    .choice {
      display: flex;
      flex-direction: column;
    }
    .departments {
      margin: 4px 0 0 28px;
      padding: 0;
      list-style: none;

      li {
        display: flex;
        align-items: center;
        gap: 8px;
      }
    }
    .form-error {
      margin: 8px 0 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DepartmentsDialog {
  private readonly api = inject(OperationsApi);
  private readonly dialogRef =
    inject<MatDialogRef<DepartmentsDialog, DraftingDepartments>>(MatDialogRef);
  protected readonly current = inject<DraftingDepartments>(MAT_DIALOG_DATA);

  protected readonly everyDepartment = signal(this.current.source === 'all');
  protected readonly chosen = signal(
    new Set(
      this.current.departments
        .filter((department) => department.drafts)
        .map((department) => department.id),
    ),
  );
  protected readonly valid = computed(() => this.everyDepartment() || this.chosen().size > 0);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | undefined>(undefined);

  protected toggle(id: string, checked: boolean): void {
    const next = new Set(this.chosen());
    if (checked) {
      next.add(id);
    } else {
      next.delete(id);
    }
    this.chosen.set(next);
  }

  protected save(): void {
    this.saving.set(true);
    this.error.set(undefined);
    const departmentIds = this.everyDepartment() ? null : [...this.chosen()];
    this.api.chooseDepartments({ departmentIds }).subscribe({
      next: (saved) => {
        this.dialogRef.close(saved);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(describeHttpError(error, 'The departments could not be saved.'));
      },
    });
  }
}
