import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  afterRenderEffect,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { filter, firstValueFrom } from 'rxjs';

import type {
  ChatMessage,
  Conversation,
  ConversationPage,
  ConversationWithMessages,
  MessageFeedback,
} from '@deskpilot/contracts';

import { confirmAction } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';
import { ErrorState } from '../ui/error-state';
import { describeHttpError } from '../ui/http-error';
import { LoadingState } from '../ui/loading-state';
import { PageHeader } from '../ui/page-header';
import { RemoteData } from '../ui/remote-data';
import type { AnswerListener } from './answer-stream';
import { AnswerRefusedError, AnswerStream } from './answer-stream';
import { ChatApi } from './chat-api';
import { ChatComposer } from './chat-composer';
import { ChatMessageView } from './chat-message';
import { ConversationList } from './conversation-list';
import type { LiveExchange } from './live-exchange';
import { endExchange, startExchange } from './live-exchange';
import { RenameDialog } from './rename-dialog';

/** Ask the knowledge base: conversations on the side, the thread with streamed answers. */
@Component({
  selector: 'dp-chat-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    PageHeader,
    EmptyState,
    ErrorState,
    LoadingState,
    ChatComposer,
    ChatMessageView,
    ConversationList,
  ],
  templateUrl: './chat-page.html',
  styleUrl: './chat-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatPage {
  private readonly api = inject(ChatApi);
  private readonly answers = inject(AnswerStream);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly composer = viewChild(ChatComposer);
  private readonly threadElement = viewChild<ElementRef<HTMLElement>>('log');
  private abort: AbortController | undefined;

  /** From the address: `/chat/<id>`; none for a new conversation. */
  readonly conversationId = input<string>();

  protected readonly conversations = new RemoteData<ConversationPage>();
  protected readonly conversation = new RemoteData<ConversationWithMessages>();
  protected readonly selected = signal<string | undefined>(undefined);
  protected readonly live = signal<LiveExchange | undefined>(undefined);
  protected readonly draft = signal('');
  protected readonly sendError = signal<string | undefined>(undefined);

  /** The open conversation once loaded (never the previous one while the next loads). */
  protected readonly thread = computed(() => {
    const conversation = this.conversation.value();
    return conversation !== undefined && conversation.id === this.selected()
      ? conversation
      : undefined;
  });
  protected readonly messages = computed<readonly ChatMessage[]>(() => {
    const stored = this.thread()?.messages ?? [];
    const live = this.live();
    return live === undefined || live.conversationId !== this.selected()
      ? stored
      : [...stored, live.question, live.answer];
  });
  protected readonly streaming = computed(() => this.live() !== undefined);
  protected readonly heading = computed(() => {
    const id = this.selected();
    if (id === undefined) {
      return 'New conversation';
    }
    const listed = this.conversations.value()?.items.find((item) => item.id === id);
    return listed?.title ?? this.thread()?.title ?? 'New conversation';
  });

  constructor() {
    this.conversations.load(this.api.list());
    effect(() => {
      const id = this.conversationId();
      untracked(() => {
        this.open(id);
      });
    });
    afterRenderEffect(() => {
      this.messages();
      const element = this.threadElement()?.nativeElement;
      if (element !== undefined) {
        element.scrollTop = element.scrollHeight;
      }
    });
  }

  protected reloadConversations(): void {
    this.conversations.load(this.api.list());
  }

  protected reloadThread(): void {
    const id = this.selected();
    if (id !== undefined) {
      this.conversation.load(this.api.get(id));
    }
  }

  protected newConversation(): void {
    void this.router.navigate(['/chat']).then(() => {
      this.composer()?.focus();
    });
  }

  protected async send(question: string): Promise<void> {
    if (this.streaming()) {
      return;
    }
    this.sendError.set(undefined);
    this.draft.set('');
    const id = this.selected() ?? (await this.startConversation(question));
    if (id !== undefined) {
      await this.stream(id, question);
    }
  }

  protected stop(): void {
    this.abort?.abort();
  }

  /** Asks the question of a failed or stopped answer again. */
  protected retry(answer: ChatMessage): void {
    const messages = this.messages();
    const question = messages
      .slice(0, messages.indexOf(answer))
      .reverse()
      .find((message) => message.role === 'user');
    if (question !== undefined) {
      void this.send(question.content);
    }
  }

  protected feedbackChanged(answer: ChatMessage, feedback: MessageFeedback | null): void {
    this.replaceMessage({ ...answer, feedback });
  }

  protected rename(conversation: Conversation): void {
    this.dialog
      .open<RenameDialog, Conversation, Conversation>(RenameDialog, {
        data: conversation,
        width: '440px',
      })
      .afterClosed()
      .pipe(filter((renamed): renamed is Conversation => renamed !== undefined))
      .subscribe((renamed) => {
        const thread = this.conversation.value();
        if (thread?.id === renamed.id) {
          this.conversation.set({ ...thread, ...renamed });
        }
        this.reloadConversations();
        this.snackBar.open('Conversation renamed', 'OK', { duration: 4000 });
      });
  }

  protected remove(conversation: Conversation): void {
    confirmAction(this.dialog, {
      title: 'Delete this conversation?',
      message: `"${conversation.title ?? 'New conversation'}" and its answers and feedback are deleted for good.`,
      confirmLabel: 'Delete',
      destructive: true,
    })
      .pipe(filter((confirmed) => confirmed))
      .subscribe(() => {
        this.api.delete(conversation.id).subscribe({
          next: () => {
            this.snackBar.open('Conversation deleted', 'OK', { duration: 4000 });
            this.reloadConversations();
            if (conversation.id === this.selected()) {
              void this.router.navigate(['/chat']);
            }
          },
          error: (error: unknown) => {
            this.snackBar.open(
              describeHttpError(error, 'The conversation could not be deleted.'),
              'OK',
              { duration: 6000 },
            );
          },
        });
      });
  }

  private open(id: string | undefined): void {
    if (id === this.selected() && (id === undefined || this.conversation.value()?.id === id)) {
      return;
    }
    this.stop();
    this.sendError.set(undefined);
    this.selected.set(id);
    if (id !== undefined) {
      this.conversation.load(this.api.get(id));
    }
  }

  /** The first question of a new conversation creates it (and names it, on the gateway). */
  private async startConversation(question: string): Promise<string | undefined> {
    try {
      const created = await firstValueFrom(this.api.create());
      this.conversation.set({ ...created, messages: [] });
      this.selected.set(created.id);
      void this.router.navigate(['/chat', created.id]);
      return created.id;
    } catch (error) {
      this.sendError.set(describeHttpError(error, 'The conversation could not be started.'));
      this.draft.set(question);
      return undefined;
    }
  }

  private async stream(conversationId: string, question: string): Promise<void> {
    const controller = new AbortController();
    this.abort = controller;
    this.live.set(startExchange(conversationId, question));
    try {
      await this.answers.ask(conversationId, question, this.listener(), controller.signal);
    } catch (error) {
      if (error instanceof AnswerRefusedError) {
        this.live.set(undefined);
        this.sendError.set(error.message);
        this.draft.set(question);
      }
    } finally {
      if (this.abort === controller) {
        this.abort = undefined;
      }
      this.finishLive(controller.signal.aborted);
      this.reloadConversations();
      afterNextRender(() => this.composer()?.focus(), { injector: this.injector });
    }
  }

  private listener(): AnswerListener {
    return {
      started: (event) => {
        this.updateLive((live) => ({
          ...live,
          question: { ...live.question, id: event.userMessageId },
          answer: {
            ...live.answer,
            id: event.assistantMessageId,
            offline: event.offline,
            model: event.model,
          },
          ...(event.searchCorrections === undefined
            ? {}
            : { searchCorrections: event.searchCorrections }),
        }));
      },
      token: (event) => {
        this.updateLive((live) => ({
          ...live,
          answer: { ...live.answer, content: live.answer.content + event.text },
        }));
      },
      citations: (event) => {
        this.updateLive((live) => ({
          ...live,
          answer: { ...live.answer, citations: event.citations },
        }));
      },
      final: (exchange) => {
        this.live.set(undefined);
        this.appendMessages(exchange.userMessage.conversationId, [
          exchange.userMessage,
          exchange.assistantMessage,
        ]);
      },
      failed: (event) => {
        const live = this.live();
        const stored = this.thread()?.messages.find(
          (message) => message.id === event.assistantMessageId,
        );
        if (stored?.failure !== undefined && stored.failure !== null) {
          // The stored record explains the failure technically; show the sentence meant for people.
          this.replaceMessage({
            ...stored,
            failure: { ...stored.failure, message: event.message },
          });
        }
        if (live !== undefined) {
          this.live.set(undefined);
          this.appendMessages(
            live.conversationId,
            endExchange(live, 'failed', {
              reason: 'internal',
              message: event.message,
              retryable: event.retryable,
            }),
          );
        }
      },
    };
  }

  /** The stream ended without the stored record: stopped by the person, or the connection broke. */
  private finishLive(stopped: boolean): void {
    const live = this.live();
    if (live === undefined) {
      return;
    }
    this.live.set(undefined);
    this.appendMessages(
      live.conversationId,
      stopped
        ? endExchange(live, 'cancelled', null)
        : endExchange(live, 'failed', {
            reason: 'connection_error',
            message: 'The connection to Deskpilot was lost while the answer was written.',
            retryable: true,
          }),
    );
  }

  private updateLive(change: (live: LiveExchange) => LiveExchange): void {
    const live = this.live();
    if (live !== undefined) {
      this.live.set(change(live));
    }
  }

  private appendMessages(conversationId: string, messages: readonly ChatMessage[]): void {
    const thread = this.conversation.value();
    if (thread?.id === conversationId) {
      this.conversation.set({ ...thread, messages: [...thread.messages, ...messages] });
    }
  }

  private replaceMessage(changed: ChatMessage): void {
    const thread = this.conversation.value();
    if (thread !== undefined) {
      this.conversation.set({
        ...thread,
        messages: thread.messages.map((message) => (message.id === changed.id ? changed : message)),
      });
    }
  }
}
