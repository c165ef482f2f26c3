import type {
  AnswerFailure,
  ChatMessage,
  ChatMessageStatus,
  SpellingCorrection,
} from '@deskpilot/contracts';

/** A question and its answer while the answer is being written, before the gateway stores them. */
export interface LiveExchange {
  readonly conversationId: string;
  readonly question: ChatMessage;
  readonly answer: ChatMessage;
  /** How the search read misspelt words of the question, known before the answer's text. */
  readonly searchCorrections?: readonly SpellingCorrection[];
}

export function startExchange(conversationId: string, question: string): LiveExchange {
  return {
    conversationId,
    question: localMessage(conversationId, 'user', question, 'complete'),
    answer: localMessage(conversationId, 'assistant', '', 'pending'),
  };
}

/**
 * The answer ended without its stored record (stopped, or the connection broke): keep what was
 * written, marked as unfinished.
 */
export function endExchange(
  exchange: LiveExchange,
  status: Extract<ChatMessageStatus, 'failed' | 'cancelled'>,
  failure: AnswerFailure | null,
): readonly ChatMessage[] {
  return [exchange.question, { ...exchange.answer, status, failure }];
}

function localMessage(
  conversationId: string,
  role: ChatMessage['role'],
  content: string,
  status: ChatMessageStatus,
): ChatMessage {
  return {
    id: crypto.randomUUID(),
    conversationId,
    role,
    content,
    status,
    interactionId: null,
    citations: [],
    confidence: null,
    flags: null,
    offline: null,
    model: null,
    settingsVersion: null,
    failure: null,
    feedback: null,
    createdAt: new Date().toISOString(),
  };
}
