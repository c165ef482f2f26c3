import { APIError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources';

import { SseDataDecoder } from './sse-data-decoder';

const DONE = '[DONE]';

/**
 * The chunks of a streamed chat completion, read from the raw response as the openai SDK's
 * `Stream` reads them: comments are skipped, nothing after `[DONE]` counts (the body is still
 * read to its end so the connection can be reused), and an event carrying `error`, which is how
 * OpenRouter reports a failure mid-answer, throws an `APIError` without a status. The SDK's own
 * parser copies everything it has buffered again for each event it finds and passes every chunk
 * through three nested async generators; with 50 answers streaming that was about a sixth of the
 * llm service's CPU.
 */
export async function* chatChunks(response: Response): AsyncGenerator<ChatCompletionChunk> {
  const body: ReadableStream<Uint8Array> | null = response.body;
  if (body === null) {
    throw new Error('The model answered without a body');
  }
  const reader = body.getReader();
  const decoder = new SseDataDecoder();
  let done = false;
  let ended = false;
  try {
    for (;;) {
      const read = await reader.read();
      if (read.done) {
        ended = true;
        return;
      }
      for (const data of decoder.push(read.value)) {
        if (done || data.startsWith(DONE)) {
          done = true;
          continue;
        }
        yield parseChunk(data, response.headers);
      }
    }
  } finally {
    if (!ended) {
      await reader.cancel().catch(() => undefined);
    }
  }
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
