import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type {
  ChatCitationsEvent,
  ChatErrorEvent,
  ChatExchange,
  ChatStartedEvent,
  ChatTokenEvent,
} from '@deskpilot/contracts';

import { Session, isSessionRefused } from '../auth/session';

/** What a streamed answer reports, in the order the gateway sends it. */
export interface AnswerListener {
  started(event: ChatStartedEvent): void;
  token(event: ChatTokenEvent): void;
  citations(event: ChatCitationsEvent): void;
  final(exchange: ChatExchange): void;
  failed(event: ChatErrorEvent): void;
}

/** The question was refused before any answer began (not found, too long, too many…). */
export class AnswerRefusedError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sends a question and reads the answer as it is written. `EventSource` cannot carry the access
 * token, so the stream is read with `fetch`, with the same token rules as every other call.
 */
@Injectable({ providedIn: 'root' })
export class AnswerStream {
  private readonly session = inject(Session);

  /** Resolves when the stream ends; aborting `signal` stops the answer on the server too. */
  async ask(
    conversationId: string,
    content: string,
    listener: AnswerListener,
    signal: AbortSignal,
  ): Promise<void> {
    let response = await this.post(conversationId, content, await this.token(), signal);
    if (response.status === 401) {
      response = await this.post(conversationId, content, await this.renewedToken(), signal);
    }
    if (!response.ok || response.body === null) {
      throw new AnswerRefusedError(response.status, await refusal(response));
    }
    await readEvents(response.body, signal, (name, data) => {
      dispatch(listener, name, data);
    });
  }

  private post(
    conversationId: string,
    content: string,
    token: string,
    signal: AbortSignal,
  ): Promise<Response> {
    return fetch(`/api/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: {
        accept: 'text/event-stream',
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ content }),
      signal,
    });
  }

  private async token(): Promise<string> {
    return this.session.freshToken() ?? this.renewedToken();
  }

  private async renewedToken(): Promise<string> {
    try {
      return await firstValueFrom(this.session.refresh());
    } catch (error) {
      if (isSessionRefused(error)) {
        this.session.end('expired');
      }
      throw error;
    }
  }
}

function dispatch(listener: AnswerListener, name: string, data: string): void {
  switch (name) {
    case 'started':
      listener.started(JSON.parse(data) as ChatStartedEvent);
      break;
    case 'token':
      listener.token(JSON.parse(data) as ChatTokenEvent);
      break;
    case 'citations':
      listener.citations(JSON.parse(data) as ChatCitationsEvent);
      break;
    case 'final':
      listener.final(JSON.parse(data) as ChatExchange);
      break;
    case 'error':
      listener.failed(JSON.parse(data) as ChatErrorEvent);
      break;
    default:
      break;
  }
}

/** Splits a Server-Sent Events body into (event name, data) pairs; comment lines are skipped. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onEvent: (name: string, data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const stop = (): void => {
    void reader.cancel();
  };
  signal.addEventListener('abort', stop, { once: true });
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        emit(buffer.slice(0, end), onEvent);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
      }
    }
    emit(buffer, onEvent);
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

function emit(block: string, onEvent: (name: string, data: string) => void): void {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) {
      name = line.slice(6).trim();
    } else if (line.startsWith('data:')) {
      data.push(line.slice(5).replace(/^ /, ''));
    }
  }
  if (data.length > 0) {
    onEvent(name, data.join('\n'));
  }
}

async function refusal(response: Response): Promise<string> {
  const retryAfter = response.headers.get('retry-after');
  const body = (await response.json().catch(() => undefined)) as { message?: unknown } | undefined;
  const message =
    typeof body?.message === 'string' && body.message.trim() !== ''
      ? body.message
      : 'The question could not be sent. Try again.';
  return response.status === 429 && retryAfter !== null
    ? `${message} Try again in ${retryAfter} seconds.`
    : message;
}
