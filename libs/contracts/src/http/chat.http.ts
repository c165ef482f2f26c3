import { z } from 'zod';

import { AnswerFailure, AnswerFlags } from '../messages/answering.messages';
import { Citation } from '../messages/drafting.messages';
import { FeedbackRating } from '../messages/interactions.messages';
import { SpellingCorrection } from '../messages/search.messages';
import { PageQuery, pageOf } from './paging.http';

export const ConversationTitle = z.string().trim().min(1).max(200);

/** `POST /api/conversations`; without a title the first question names the conversation. */
export const CreateConversationRequest = z.strictObject({ title: ConversationTitle.optional() });
export type CreateConversationRequest = z.input<typeof CreateConversationRequest>;

/** `PATCH /api/conversations/:id`. */
export const RenameConversationRequest = z.strictObject({ title: ConversationTitle });
export type RenameConversationRequest = z.input<typeof RenameConversationRequest>;

export const Conversation = z.object({
  id: z.uuid(),
  /** null until named or until its first question. */
  title: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** Last activity (a message or a rename); lists are ordered by it, newest first. */
  updatedAt: z.iso.datetime(),
});
export type Conversation = z.infer<typeof Conversation>;

/** `GET /api/conversations?page=&pageSize=`: the caller's own, newest activity first. */
export const ConversationListQuery = PageQuery;
export type ConversationListQuery = z.input<typeof ConversationListQuery>;

export const ConversationPage = pageOf(Conversation);
export type ConversationPage = z.infer<typeof ConversationPage>;

/**
 * `complete`: a user message, or an answer whose model call succeeded; `pending`: being answered;
 * `failed`: the model failed (partial text kept, never complete); `cancelled`: stopped by the user.
 */
export const ChatMessageStatus = z.enum(['complete', 'pending', 'failed', 'cancelled']);
export type ChatMessageStatus = z.infer<typeof ChatMessageStatus>;

export const MessageFeedback = z.object({
  rating: FeedbackRating,
  comment: z.string().nullable(),
  givenAt: z.iso.datetime(),
});
export type MessageFeedback = z.infer<typeof MessageFeedback>;

export const ChatMessage = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  status: ChatMessageStatus,
  /** Assistant messages: the interaction log entry (`GET /api/interactions/:id`). */
  interactionId: z.uuid().nullable(),
  citations: z.array(Citation),
  /** 0..1, shown by the console; null for user messages and unfinished answers. */
  confidence: z.number().min(0).max(1).nullable(),
  flags: AnswerFlags.nullable(),
  /** Answered by the offline extractive answerer (no model key configured). */
  offline: z.boolean().nullable(),
  model: z.string().nullable(),
  settingsVersion: z.number().int().nonnegative().nullable(),
  failure: AnswerFailure.nullable(),
  /** The caller's own feedback on an assistant message. */
  feedback: MessageFeedback.nullable(),
  createdAt: z.iso.datetime(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ConversationWithMessages = Conversation.extend({
  /** Oldest first. */
  messages: z.array(ChatMessage),
});
export type ConversationWithMessages = z.infer<typeof ConversationWithMessages>;

/** `POST /api/conversations/:id/messages`. */
export const SendMessageRequest = z.strictObject({
  content: z.string().trim().min(1).max(8_000),
});
export type SendMessageRequest = z.input<typeof SendMessageRequest>;

/** The JSON answer of `POST /api/conversations/:id/messages`, and the SSE `final` event. */
export const ChatExchange = z.object({
  userMessage: ChatMessage,
  assistantMessage: ChatMessage,
});
export type ChatExchange = z.infer<typeof ChatExchange>;

/** SSE `started`: the answer began; ids to show and to stop it with. */
export const ChatStartedEvent = z.object({
  conversationId: z.uuid(),
  userMessageId: z.uuid(),
  assistantMessageId: z.uuid(),
  interactionId: z.uuid(),
  model: z.string(),
  offline: z.boolean(),
  settingsVersion: z.number().int().nonnegative().nullable(),
  /** Words of the question the search read as other words, when it did (before the answer). */
  searchCorrections: z.array(SpellingCorrection).optional(),
});
export type ChatStartedEvent = z.infer<typeof ChatStartedEvent>;

/** SSE `token`: the next piece of answer text. */
export const ChatTokenEvent = z.object({ text: z.string() });
export type ChatTokenEvent = z.infer<typeof ChatTokenEvent>;

/** SSE `citations`: the passages the answer cites (document title, heading and chunk text). */
export const ChatCitationsEvent = z.object({ citations: z.array(Citation) });
export type ChatCitationsEvent = z.infer<typeof ChatCitationsEvent>;

/** SSE `error`: the answer failed; `message` is meant for the user. Sent after `final`. */
export const ChatErrorEvent = z.object({
  reason: z.string(),
  message: z.string(),
  retryable: z.boolean(),
  retryAfterSeconds: z.number().nonnegative().optional(),
  /** The stored (failed) answer, when one was stored. */
  assistantMessageId: z.uuid().nullable(),
});
export type ChatErrorEvent = z.infer<typeof ChatErrorEvent>;

/** Names of the server-sent events of a streamed answer, in the order they come. */
export const ChatStreamEventName = {
  Started: 'started',
  Token: 'token',
  Citations: 'citations',
  Final: 'final',
  Error: 'error',
} as const;

/** `PUT /api/feedback/:messageId`: sets or changes the caller's rating of an answer. */
export const FeedbackRequest = z.strictObject({
  rating: FeedbackRating,
  comment: z.string().trim().max(4_000).optional(),
});
export type FeedbackRequest = z.input<typeof FeedbackRequest>;
