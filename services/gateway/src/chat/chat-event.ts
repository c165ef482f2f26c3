import type {
  ChatCitationsEvent,
  ChatErrorEvent,
  ChatExchange,
  ChatStartedEvent,
  ChatTokenEvent,
} from '@deskpilot/contracts';

/** What a streamed answer sends, in order: started, tokens, citations, final, then error if failed. */
export type ChatEvent =
  | { readonly event: 'started'; readonly data: ChatStartedEvent }
  | { readonly event: 'token'; readonly data: ChatTokenEvent }
  | { readonly event: 'citations'; readonly data: ChatCitationsEvent }
  | { readonly event: 'final'; readonly data: ChatExchange }
  | { readonly event: 'error'; readonly data: ChatErrorEvent };
