import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import type { Observable } from 'rxjs';
import { tap } from 'rxjs';

import type {
  ArticleView,
  DocumentReplaceResponse,
  DocumentUploadResult,
} from '@deskpilot/contracts';

import { ArticleDialog } from './article-dialog';
import type { ArticleDialogData } from './article-dialog';
import { KnowledgeApi } from './knowledge-api';

/** A new article: where its text comes from and how it is stored. */
export type NewArticle = Omit<ArticleDialogData<DocumentUploadResult>, 'saveLabel'>;

/**
 * Opens the article dialog to write a new article or edit one, and says what became of it,
 * with a way to the document.
 */
@Injectable({ providedIn: 'root' })
export class ArticleEditor {
  private readonly api = inject(KnowledgeApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  /** Emits what the server answered once the article is stored, or undefined on Cancel. */
  write(article: NewArticle): Observable<DocumentUploadResult | undefined> {
    return this.open<DocumentUploadResult>({ ...article, saveLabel: 'Add article' }).pipe(
      tap((result) => {
        if (result === undefined || result.outcome === 'failed') {
          return;
        }
        this.announce(
          result.outcome === 'created'
            ? `"${result.document.title}" was added to the knowledge base.`
            : `The knowledge base already has this article as "${result.document.title}".`,
          result.document.documentId,
        );
      }),
    );
  }

  /** A new version of the article, unless someone saved another since it was opened. */
  edit(article: ArticleView): Observable<DocumentReplaceResponse | undefined> {
    return this.open<DocumentReplaceResponse>({
      heading: `Edit "${article.title}"`,
      title: article.title,
      text: article.text,
      saveLabel: 'Save as a new version',
      save: (title, text) =>
        this.api.saveArticle(article.documentId, { title, text, version: article.version }),
    }).pipe(
      tap((result) => {
        if (result === undefined) {
          return;
        }
        this.snackBar.open(
          result.outcome === 'replaced'
            ? `Saved as version ${result.document.version}; answers use it once it is indexed.`
            : result.outcome === 'unchanged'
              ? 'Nothing was changed.'
              : `Another document already has this text: "${result.document.title}".`,
          undefined,
          { duration: 6000 },
        );
      }),
    );
  }

  private open<R>(data: ArticleDialogData<R>): Observable<R | undefined> {
    return this.dialog
      .open<ArticleDialog<R>, ArticleDialogData<R>, R>(ArticleDialog, { data })
      .afterClosed();
  }

  private announce(message: string, documentId: string): void {
    this.snackBar
      .open(message, 'Open', { duration: 8000 })
      .onAction()
      .subscribe(() => {
        void this.router.navigate(['/knowledge', documentId]);
      });
  }
}
