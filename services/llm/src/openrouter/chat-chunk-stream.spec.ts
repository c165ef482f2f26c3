import { APIError } from 'openai';

import { waitFor } from '@deskpilot/testing';

import { chatChunks } from './chat-chunk-stream';
import { classifyModelError } from './model-failure';

/**
 * A streamed response whose body arrives in the given reads, then ends (or, with `staysOpen`,
 * sends nothing more and never ends); `cancelled` tells whether it was cancelled, `ended`
 * resolves once its last read was taken.
 */
function streamedResponse(
  reads: readonly string[],
  { staysOpen = false } = {},
): {
  response: Response;
  cancelled: () => boolean;
  ended: Promise<void>;
} {
  const encoder = new TextEncoder();
  let next = 0;
  let cancelled = false;
  let markEnded = (): void => undefined;
  const ended = new Promise<void>((resolve) => {
    markEnded = resolve;
  });
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const read = reads[next];
      next += 1;
      if (read !== undefined) {
        controller.enqueue(encoder.encode(read));
        return undefined;
      }
      if (staysOpen) {
        return new Promise<void>(() => undefined);
      }
      controller.close();
      markEnded();
      return undefined;
    },
    cancel() {
      cancelled = true;
    },
  });
  const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  return { response, cancelled: () => cancelled, ended };
}

const chunk = (content: string, finishReason: string | null = null): string =>
  `data: ${JSON.stringify({
    id: 'gen-1',
    model: 'simulator/zero-delay',
    choices: [{ index: 0, delta: { content }, finish_reason: finishReason }],
  })}\n\n`;

async function collect(response: Response, drainMs?: number): Promise<unknown[]> {
  const chunks: unknown[] = [];
  for await (const each of chatChunks(response, drainMs)) {
    chunks.push(each);
  }
  return chunks;
}

describe(chatChunks.name, () => {
  it('should yield each chunk until [DONE] and read the rest of the body to its end', async () => {
    const usage = 'data: {"id":"gen-1","choices":[],"usage":{"total_tokens":9,"cost":0.001}}\n\n';
    const { response, cancelled, ended } = streamedResponse([
      ': OPENROUTER PROCESSING\n\n',
      chunk('Restart ') + chunk('Apache'),
      chunk('.', 'stop').slice(0, 20),
      chunk('.', 'stop').slice(20) + usage,
      'data: [DONE]\n\n',
      chunk('after the end'),
    ]);

    const chunks = await collect(response);

    expect(chunks).toMatchObject([
      { choices: [{ delta: { content: 'Restart ' } }] },
      { choices: [{ delta: { content: 'Apache' } }] },
      { choices: [{ delta: { content: '.' }, finish_reason: 'stop' }] },
      { choices: [], usage: { total_tokens: 9, cost: 0.001 } },
    ]);
    await ended;
    expect(cancelled()).toBe(false);
  });

  it('should end the answer at [DONE] when the body stays open, and let the body go', async () => {
    const { response, cancelled } = streamedResponse([chunk('Done', 'stop'), 'data: [DONE]\n\n'], {
      staysOpen: true,
    });

    const chunks = await collect(response, 20);

    expect(chunks).toMatchObject([{ choices: [{ delta: { content: 'Done' } }] }]);
    expect(cancelled()).toBe(false);
    await waitFor(() => cancelled(), { timeoutMs: 2_000, message: 'the open body cancelled' });
  });

  it('should throw an error event as the mid-answer APIError the SDK throws', async () => {
    const { response, cancelled } = streamedResponse([
      chunk('Partial'),
      `data: ${JSON.stringify({
        id: 'gen-1',
        error: { code: 502, message: 'Provider disconnected' },
        choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
      })}\n\n`,
      chunk('never read'),
    ]);

    const failure = await collect(response).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(APIError);
    expect((failure as APIError).status).toBeUndefined();
    expect(classifyModelError(failure)).toMatchObject({
      reason: 'midstream_error',
      message: 'The model failed mid-answer: Provider disconnected',
    });
    expect(cancelled()).toBe(true);
  });

  it('should fail clearly on an event that is not JSON', async () => {
    const { response } = streamedResponse([chunk('ok'), 'data: {"id": "gen-1", "choi\n\n']);

    await expect(collect(response)).rejects.toThrow(
      'The model sent an event that is not JSON: {"id": "gen-1", "choi',
    );
  });

  it('should cancel the body when the reader stops early', async () => {
    const { response, cancelled } = streamedResponse([chunk('one'), chunk('two'), chunk('three')]);

    for await (const each of chatChunks(response)) {
      expect(each.choices[0]?.delta.content).toBe('one');
      break;
    }

    expect(cancelled()).toBe(true);
  });
});
