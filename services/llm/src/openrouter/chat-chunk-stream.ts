import { APIError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources';

import { SseDataDecoder } from './sse-data-decoder';

const DONE = '[DONE]';

/**
 * How long the rest of a body is read after `[DONE]`: long enough for the end of the response
 * that follows it, so the connection can be reused, and no longer.
 */
const DRAIN_AFTER_DONE_MS = 1_000;

/**
 * The chunks of a streamed chat completion, read from the raw response as the openai SDK's
 * `Stream` reads them: comments are skipped, the answer ends at `[DONE]`, and an event carrying
 * `error`, which is how OpenRouter reports a failure mid-answer, throws an `APIError` without a
 * status. The SDK's own parser copies everything it has buffered again for each event it finds
 * and passes every chunk through three nested async generators; with 50 answers streaming that
 * was about a sixth of the llm service's CPU.
 *
 * The answer does not wait for the body to end after `[DONE]`: a proxy that keeps the response
 * open would otherwise hold a finished answer until the inactivity timeout failed it. What is
 * left is read in the background for `drainMs` and then let go.
 */
export async function* chatChunks(
  response: Response,
  drainMs = DRAIN_AFTER_DONE_MS,
): AsyncGenerator<ChatCompletionChunk> {
  const body: ReadableStream<Uint8Array> | null = response.body;
  if (body === null) {
    throw new Error('The model answered without a body');
  }
  const reader = body.getReader();
  const decoder = new SseDataDecoder();
  let released = false;
  try {
    for (;;) {
      const read = await reader.read();
      if (read.done) {
        released = true;
        return;
      }
      for (const data of decoder.push(read.value)) {
        if (data.startsWith(DONE)) {
          released = true;
          drain(reader, drainMs);
          return;
        }
        yield parseChunk(data, response.headers);
      }
    }
  } finally {
    if (!released) {
      await reader.cancel().catch(() => undefined);
    }
  }
}

/** Reads the rest of a body without anyone waiting for it; cancels it if still open after `ms`. */
function drain(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): void {
  const timer = setTimeout(() => {
    void reader.cancel().catch(() => undefined);
  }, ms);
  timer.unref();
  const readToEnd = async (): Promise<void> => {
    let read = await reader.read();
    while (!read.done) {
      read = await reader.read();
    }
  };
  void readToEnd()
    .catch(() => undefined)
    .finally(() => {
      clearTimeout(timer);
    });
}

function parseChunk(data: string, headers: Headers): ChatCompletionChunk {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new Error(`The model sent an event that is not JSON: ${data.slice(0, 200)}`);
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw new Error(`The model sent an event that is not an object: ${data.slice(0, 200)}`);
  }
  if ('error' in parsed && parsed.error) {
    throw new APIError(undefined, parsed.error, undefined, headers);
  }
  return parsed as ChatCompletionChunk;
}
