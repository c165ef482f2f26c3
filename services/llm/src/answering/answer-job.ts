import type {
  AnswerChunk,
  AnswerPassage,
  BotSettingsValues,
  ConversationTurn,
  CustomerContext,
  DraftNote,
  InteractionKind,
  ThreadMessage,
} from '@deskpilot/contracts';

/** The settings an answer is built with; `version` is null for unsaved playground drafts. */
export interface ResolvedSettings {
  readonly version: number | null;
  readonly values: BotSettingsValues;
}

/** A WHMCS ticket to draft a reply for. All of its text is untrusted. */
export interface TicketContext {
  readonly ticketNumber: string;
  readonly subject: string;
  readonly department: string;
  readonly customer: CustomerContext;
  readonly thread: readonly ThreadMessage[];
  /** The reviewing agent's guidance for this draft, written by staff, not by the customer. */
  readonly guidance?: string;
  /** The ticket's private staff notes, oldest first: context, never for the customer's eyes. */
  readonly notes?: readonly DraftNote[];
}

/** Everything the answer pipeline needs for one answer, chat or draft alike. */
export interface AnswerJob {
  readonly interactionId: string;
  readonly kind: InteractionKind;
  readonly userId: string | null;
  readonly conversationId: string | null;
  readonly draftId: string | null;
  readonly ticketId: string | null;
  /** What to answer: the chat question, or the customer's latest message. */
  readonly question: string;
  /** What to search the knowledge base for. */
  readonly searchQuery: string;
  /** Search these documents only (a reviewer's choice for a draft); absent: all of them. */
  readonly searchDocumentIds?: readonly string[];
  readonly history: readonly ConversationTurn[];
  readonly ticket: TicketContext | null;
  readonly settings: ResolvedSettings;
  readonly inspect: boolean;
  /** Aborted when the user cancels or the caller goes away. */
  readonly signal: AbortSignal;
}

export type AnswerEmitter = (chunk: AnswerChunk) => void;

export type { AnswerPassage };
