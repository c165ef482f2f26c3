import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

import type { KnowledgeGap, KnowledgeGapsReport } from '@deskpilot/contracts';

import { ArticleEditor } from '../knowledge/article-editor';
import { KnowledgeApi } from '../knowledge/knowledge-api';
import { ErrorState } from '../ui/error-state';
import { LoadingState } from '../ui/loading-state';
import { RemoteData } from '../ui/remote-data';
import { AnalyticsApi } from './analytics-api';
import { KIND_LABELS } from './formatting';

/** A range of the analytics page, as ISO instants. */
export interface GapsWindow {
  readonly from: string;
  readonly to: string;
}

/**
 * The chat questions and tickets of the range that the knowledge base answered weakly, grouped
 * by what they ask, the most asked first: the articles to write or to improve.
 */
@Component({
  selector: 'dp-knowledge-gaps',
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, ErrorState, LoadingState],
  templateUrl: './knowledge-gaps.html',
  styleUrl: './knowledge-gaps.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KnowledgeGaps {
  private readonly api = inject(AnalyticsApi);
  private readonly knowledge = inject(KnowledgeApi);
  private readonly articles = inject(ArticleEditor);

  readonly range = input.required<GapsWindow>();

  protected readonly gaps = new RemoteData<KnowledgeGapsReport>();
  protected readonly kindLabels = KIND_LABELS;

  constructor() {
    effect(() => {
      this.load();
    });
  }

  protected load(): void {
    this.gaps.load(this.api.knowledgeGaps(this.range()));
  }

  /** An article for the group's questions, written beside them. */
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
      .subscribe();
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
