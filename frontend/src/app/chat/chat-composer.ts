import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  model,
  output,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';

/** Where a question is typed: Enter sends, Shift+Enter starts a new line, Stop ends an answer. */
@Component({
  selector: 'dp-chat-composer',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  template: `
    <mat-form-field class="field">
      <mat-label>Ask a question</mat-label>
      <textarea
        #box
        matInput
        rows="2"
        maxlength="8000"
        [value]="text()"
        [disabled]="streaming()"
        (input)="text.set(box.value)"
        (keydown.enter)="onEnter($event)"
        aria-describedby="composer-hint"
      ></textarea>
    </mat-form-field>
    @if (streaming()) {
      <button mat-stroked-button type="button" class="action" (click)="stop.emit()">
        <mat-icon aria-hidden="true">stop_circle</mat-icon>
        Stop
      </button>
    } @else {
      <button
        mat-flat-button
        type="button"
        class="action"
        [disabled]="text().trim() === ''"
        (click)="submit()"
      >
        <mat-icon aria-hidden="true">send</mat-icon>
        Send
      </button>
    }
    <p id="composer-hint" class="hint">Enter sends, Shift+Enter starts a new line.</p>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: start;
      gap: 4px 12px;
    }
    .field {
      width: 100%;
    }
    .action {
      margin-top: 8px;
    }
    .hint {
      grid-column: 1 / -1;
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatComposer {
  readonly text = model('');
  /** An answer is being written: typing waits, Stop is offered. */
  readonly streaming = input(false);
  readonly send = output<string>();
  readonly stop = output();

  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');

  focus(): void {
    this.box().nativeElement.focus();
  }

  protected onEnter(event: Event): void {
    if (event instanceof KeyboardEvent && (event.shiftKey || event.isComposing)) {
      return;
    }
    event.preventDefault();
    this.submit();
  }

  protected submit(): void {
    const question = this.text().trim();
    if (question !== '' && !this.streaming()) {
      this.send.emit(question);
    }
  }
}
