import { HttpErrorResponse } from '@angular/common/http';

const FALLBACK = 'Something went wrong. Try again.';

/** A sentence a person can act on, from any error an HTTP call produced. */
export function describeHttpError(error: unknown, fallback = FALLBACK): string {
  if (!(error instanceof HttpErrorResponse)) {
    return fallback;
  }
  if (error.status === 0) {
    return 'The server could not be reached. Check the connection and try again.';
  }
  const message = messageOf(error.error);
  if (error.status >= 500 && error.status !== 503) {
    return message ?? 'The server could not handle the request. Try again in a moment.';
  }
  return message ?? fallback;
}

function messageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('message' in body)) {
    return undefined;
  }
  const { message } = body;
  if (typeof message === 'string' && message.trim() !== '') {
    return capitalise(message);
  }
  if (Array.isArray(message) && message.length > 0) {
    return message.map((part) => capitalise(String(part))).join(' ');
  }
  return undefined;
}

function capitalise(text: string): string {
  const trimmed = text.trim();
  const sentence = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
