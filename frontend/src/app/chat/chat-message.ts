import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { Observable } from 'rxjs';
import { filter } from 'rxjs';

import type {
  BestLeftOut,
  ChatMessage,
  Citation,
  FeedbackRating,
  MessageFeedback,
  SpellingCorrection,
} from '@deskpilot/contracts';
import { LOW_TOPIC_COVERAGE, closeLeftOut, withoutCitationMarkers } from '@deskpilot/contracts';

import { describeHttpError } from '../ui/http-error';
import { Markdown } from '../ui/markdown';
import { SearchCorrections } from '../ui/search-corrections';
import { StatusBadge } from '../ui/status-badge';
import { UnsupportedSentences } from '../ui/unsupported-sentences';
import { confidenceLabel, headingTrail, unfinished } from './answer-labels';
import { ChatApi } from './chat-api';
import { FeedbackDialog } from './feedback-dialog';
import type { ShownPassage } from './passage-dialog';
import { PassageDialog } from './passage-dialog';

/** One turn of a conversation: the question, or the answer with its sources and actions. */
@Component({
  selector: 'dp-chat-message',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatTooltipModule,
    Markdown,
    SearchCorrections,
    StatusBadge,
    UnsupportedSentences,
  ],
  templateUrl: './chat-message.html',
  styleUrl: './chat-message.scss',
  host: {
    '[class.question]': "message().role === 'user'",
    '[class.answer]': "message().role === 'assistant'",
    '[class.unfinished]': 'unfinished()',
    '[attr.aria-busy]': 'streaming()',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatMessageView {
  private readonly api = inject(ChatApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly message = input.required<ChatMessage>();
  /** How the search read the question, while the answer is written (before its flags). */
  readonly searchCorrections = input<readonly SpellingCorrection[] | undefined>();
  /** The answer is still being written. */
  readonly streaming = input(false);
  readonly retry = output();
  readonly feedbackChanged = output<MessageFeedback | null>();

  protected readonly rating = signal<'saving' | undefined>(undefined);
  protected readonly unfinished = computed(() => unfinished(this.message()));
  protected readonly confidence = computed(() => {
    const { confidence, status } = this.message();
    return confidence === null || status !== 'complete' ? undefined : confidenceLabel(confidence);
  });
  /** The answer's sources say little about the question: the knowledge base may lack it. */
  protected readonly offTopic = computed(() => {
    const { flags, status } = this.message();
    return status === 'complete' && (flags?.topicCoverage ?? 1) < LOW_TOPIC_COVERAGE;
  });
  /** An article the answer does not cite scored about as high as those it cites. */
  protected readonly closeLeftOut = computed(() => {
    const { flags, status } = this.message();
    return status === 'complete' ? closeLeftOut(flags) : undefined;
  });
  protected readonly headingTrail = headingTrail;

  /** A `[n]` marker in the text: the citation with that number, if the answer has it. */
  protected openIndex(index: number): void {
    const citation = this.message().citations.find((candidate) => candidate.index === index);
    if (citation !== undefined) {
      this.openCitation(citation);
    }
  }

  protected openCitation(citation: Citation): void {
    this.openPassage({ ...citation, text: citation.excerpt });
  }

  /** The passage of the article the answer leaves out, when the answer kept it. */
  protected openLeftOut(leftOut: BestLeftOut): void {
    if (leftOut.passage !== undefined) {
      this.openPassage({ ...leftOut.passage, documentTitle: leftOut.documentTitle });
    }
  }

  private openPassage(passage: ShownPassage): void {
    this.dialog.open(PassageDialog, { data: passage, width: '640px', autoFocus: 'dialog' });
  }

  protected rate(rating: FeedbackRating): void {
    const message = this.message();
    const current = message.feedback;
    this.rating.set('saving');
    const request: Observable<MessageFeedback | null> =
      current?.rating === rating
        ? this.api.withdrawRating(message.id)
        : this.api.rate(message.id, { rating });
    request.subscribe({
      next: (feedback) => {
        this.rating.set(undefined);
        this.feedbackChanged.emit(feedback);
        if (feedback !== null) {
          this.snackBar
            .open('Thanks for the feedback', 'Add a comment', { duration: 6000 })
            .onAction()
            .subscribe(() => {
              this.comment();
            });
        }
      },
      error: (error: unknown) => {
        this.rating.set(undefined);
        this.snackBar.open(describeHttpError(error, 'The feedback was not saved.'), 'OK', {
          duration: 6000,
        });
      },
    });
  }

  protected comment(): void {
    const message = this.message();
    const feedback = message.feedback;
    if (feedback === null) {
      return;
    }
    this.dialog
      .open<FeedbackDialog, MessageFeedback, string>(FeedbackDialog, { data: feedback })
      .afterClosed()
      .pipe(filter((comment): comment is string => comment !== undefined))
      .subscribe((comment) => {
        this.api
          .rate(message.id, { rating: feedback.rating, ...(comment === '' ? {} : { comment }) })
          .subscribe({
            next: (saved) => {
              this.feedbackChanged.emit(saved);
              this.snackBar.open('Comment saved', 'OK', { duration: 4000 });
            },
            error: (error: unknown) => {
              this.snackBar.open(describeHttpError(error, 'The comment was not saved.'), 'OK', {
                duration: 6000,
              });
            },
          });
      });
  }

  protected copy(): void {
    const message = this.message();
    const cited = new Set(message.citations.map((citation) => citation.index));
    // Copied to be pasted for a customer, who cannot follow the source markers.
    navigator.clipboard.writeText(withoutCitationMarkers(message.content, cited)).then(
      () => this.snackBar.open('Answer copied', undefined, { duration: 3000 }),
      () => this.snackBar.open('The answer could not be copied', 'OK', { duration: 5000 }),
    );
  }
}
