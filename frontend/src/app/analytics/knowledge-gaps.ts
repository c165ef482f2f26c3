import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { Observable } from 'rxjs';
import { filter, switchMap, tap } from 'rxjs';

import type {
  CloseGapBody,
  DismissedTopic,
  DocumentUploadResult,
  GapClosed,
  KnowledgeGap,
  KnowledgeGapsReport,
  ReopenGapBody,
} from '@deskpilot/contracts';

import { ArticleEditor } from '../knowledge/article-editor';
import { KnowledgeApi } from '../knowledge/knowledge-api';
import { ActionError } from '../ui/action-error';
import { ErrorState } from '../ui/error-state';
import { describeHttpError } from '../ui/http-error';
import { LoadingState } from '../ui/loading-state';
import { RemoteData } from '../ui/remote-data';
import { AnalyticsApi } from './analytics-api';
import { KIND_LABELS } from './formatting';

/** An article the knowledge base now holds: written, or found to be there already. */
type StoredArticle = Exclude<DocumentUploadResult, { outcome: 'failed' }>;

/** A range of the analytics page, as ISO instants. */
export interface GapsWindow {
  readonly from: string;
  readonly to: string;
}

/**
 * The chat questions and tickets of the range that the knowledge base answered weakly, grouped
 * by what they ask, the most asked first: the articles to write or to improve. Writing a gap's
 * article, or dismissing questions the knowledge base is not for, takes the gap off the list;
 * dismissing its topic also takes off the new questions like them as they come.
 */
@Component({
  selector: 'dp-knowledge-gaps',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    ActionError,
    ErrorState,
    LoadingState,
  ],
  templateUrl: './knowledge-gaps.html',
  styleUrl: './knowledge-gaps.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KnowledgeGaps {
  private readonly api = inject(AnalyticsApi);
  private readonly knowledge = inject(KnowledgeApi);
  private readonly articles = inject(ArticleEditor);
  private readonly snackBar = inject(MatSnackBar);

  readonly range = input.required<GapsWindow>();

  protected readonly gaps = new RemoteData<KnowledgeGapsReport>();
  protected readonly kindLabels = KIND_LABELS;
  /** Whether a gap is being closed or reopened. */
  protected readonly closing = signal(false);
  /** Lists the closed questions instead of the open ones. */
  protected readonly showClosed = signal(false);
  protected readonly actionError = signal<string | undefined>(undefined);

  constructor() {
    effect(() => {
      this.load();
    });
  }

  protected load(): void {
    const closed = this.showClosed();
    this.gaps.load(
      this.api.knowledgeGaps({ ...this.range(), closed: closed ? 'true' : undefined }),
    );
  }

  protected listClosed(closed: boolean): void {
    this.showClosed.set(closed);
  }

  /** Closed questions count as gaps again, and the open gaps are listed. */
  protected reopenGap(gap: KnowledgeGap): void {
    this.closing.set(true);
    this.api.reopenGap({ interactionIds: gap.interactionIds }).subscribe({
      next: ({ reopened }) => {
        this.closing.set(false);
        this.snackBar.open(`${questionsOf(reopened)} reopened.`, 'OK', { duration: 6000 });
        this.listClosed(false);
      },
      error: (error: unknown) => {
        this.closing.set(false);
        this.failed(error, 'The questions could not be reopened. Try again.');
      },
    });
  }

  /** An article for the group's questions, written beside them; once stored, the gap closes. */
  protected writeArticle(gap: KnowledgeGap): void {
    this.articles
      .write({
        heading: 'Write an article',
        lead:
          'Answers and drafts can cite it as soon as it is indexed. Write it for every customer ' +
          'who asks, not for one of them.',
        title: '',
        text: '',
        questions: gap.examples.map((example) => example.question),
        save: (title, text) => this.knowledge.writeArticle({ title, text }),
      })
      .pipe(
        filter(
          (result): result is StoredArticle => result !== undefined && result.outcome !== 'failed',
        ),
        switchMap((result) =>
          this.close({
            interactionIds: gap.interactionIds,
            resolution: 'article',
            documentId: result.document.documentId,
          }),
        ),
      )
      .subscribe({
        error: (error: unknown) => {
          this.failed(error);
        },
      });
  }

  /** Questions the knowledge base is not for (abuse reports, phishing); undone from the notice. */
  protected dismiss(gap: KnowledgeGap): void {
    const ids = { interactionIds: gap.interactionIds };
    this.close({ ...ids, resolution: 'dismissed' }).subscribe({
      next: ({ closed }) => {
        this.snackBar
          .open(`${questionsOf(closed)} dismissed.`, 'Undo', { duration: 8000 })
          .onAction()
          .subscribe(() => {
            this.reopen(ids);
          });
      },
      error: (error: unknown) => {
        this.failed(error);
      },
    });
  }

  /**
   * Questions that keep coming and are not for the knowledge base (phishing reports): these and
   * every new one like them are dismissed; undone from the notice.
   */
  protected dismissTopic(gap: KnowledgeGap): void {
    const ids = { interactionIds: gap.interactionIds };
    this.close({ ...ids, resolution: 'dismissed', dismissTopic: true }).subscribe({
      next: ({ closed, topicId }) => {
        this.snackBar
          .open(
            `${questionsOf(closed)} dismissed, and new questions about ${this.topic(gap)} will be too.`,
            'Undo',
            { duration: 10000 },
          )
          .onAction()
          .subscribe(() => {
            this.undoTopic(ids, topicId);
          });
      },
      error: (error: unknown) => {
        this.failed(error);
      },
    });
  }

  /** New questions about the topic count as gaps again; those it dismissed stay closed. */
  protected forgetTopic(topic: DismissedTopic): void {
    this.closing.set(true);
    this.api.forgetDismissedTopic(topic.id).subscribe({
      next: () => {
        this.closing.set(false);
        this.snackBar.open(`New questions about ${topic.terms.join(' · ')} count again.`, 'OK', {
          duration: 6000,
        });
        this.load();
      },
      error: (error: unknown) => {
        this.closing.set(false);
        this.failed(error, 'The topic could not be given up. Try again.');
      },
    });
  }

  /** The topic is given up and every question it closed, earlier ones too, is reopened. */
  private undoTopic(body: ReopenGapBody, topicId: string | null): void {
    const undo: Observable<unknown> =
      topicId === null ? this.api.reopenGap(body) : this.api.forgetDismissedTopic(topicId, true);
    undo.subscribe({
      next: () => {
        this.load();
      },
      error: (error: unknown) => {
        this.failed(error, 'The dismissal could not be undone. Try again.');
      },
    });
  }

  private close(body: CloseGapBody): Observable<GapClosed> {
    this.actionError.set(undefined);
    this.closing.set(true);
    return this.api.closeGap(body).pipe(
      tap({
        next: () => {
          this.load();
        },
        finalize: () => {
          this.closing.set(false);
        },
      }),
    );
  }

  private reopen(body: ReopenGapBody): void {
    this.api.reopenGap(body).subscribe({
      next: () => {
        this.load();
      },
      error: (error: unknown) => {
        this.failed(error, 'The questions could not be reopened. Try again.');
      },
    });
  }

  private failed(error: unknown, fallback = 'The gap could not be closed. Try again.'): void {
    this.actionError.set(describeHttpError(error, fallback));
  }

  protected emptyNote(report: KnowledgeGapsReport): string {
    if (this.showClosed()) {
      return 'No question of the range was closed.';
    }
    return report.closed > 0
      ? 'No gap is left open in the range.'
      : 'Every chat question and ticket of the range was answered from the articles.';
  }

  /** How many weak answers of the range are off the list, why they may be, and what stays off. */
  protected closedNote(report: KnowledgeGapsReport): string {
    const { closed } = report;
    const topics = report.dismissedTopics.length;
    return [
      closed === 0
        ? ''
        : closed === 1
          ? 'One weak answer of the range was closed: an article was written for it, or it was dismissed.'
          : `${closed} weak answers of the range were closed: an article was written for them, or they were dismissed.`,
      topics === 0
        ? ''
        : topics === 1
          ? 'One topic is dismissed: its new questions are dismissed as they come.'
          : `${topics} topics are dismissed: their new questions are dismissed as they come.`,
    ]
      .filter((sentence) => sentence !== '')
      .join(' ');
  }

  /** The words the group's questions share, or, for a question alone, that it stands alone. */
  protected topic(gap: KnowledgeGap): string {
    return gap.terms.length > 0 ? gap.terms.join(' · ') : 'Asked once';
  }

  /** For a group of questions: how many, and where they were asked. */
  protected counts(gap: KnowledgeGap): string {
    return [
      `${gap.questions} questions`,
      gap.chat > 0 ? `${gap.chat} in chat` : '',
      gap.drafts > 0 ? `${gap.drafts} ${gap.drafts === 1 ? 'ticket' : 'tickets'}` : '',
    ]
      .filter((part) => part !== '')
      .join(' · ');
  }

  /** Why the answers were weak: counted for a group, in words for a question alone. */
  protected reasons(gap: KnowledgeGap): string {
    const reasons: [number, string, string][] = [
      [gap.uncited, 'cited no article', 'cited no article'],
      [gap.offTopic, 'cited articles off the question', 'cited articles off the question'],
      [gap.notHelpful, 'rated not helpful', 'was rated not helpful'],
    ];
    const given = reasons.filter(([count]) => count > 0);
    if (gap.questions === 1) {
      return `The answer ${given.map(([, , alone]) => alone).join(' and ')}.`;
    }
    return `Answers: ${given.map(([count, counted]) => `${count} ${counted}`).join(', ')}.`;
  }
}

function questionsOf(count: number): string {
  return count === 1 ? 'One question' : `${count} questions`;
}
