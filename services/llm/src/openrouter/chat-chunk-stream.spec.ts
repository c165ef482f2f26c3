import { APIError } from 'openai';

import { chatChunks } from './chat-chunk-stream';
import { classifyModelError } from './model-failure';

/** A streamed response whose body arrives in the given reads; `cancelled` tells whether it was cancelled. */
function streamedResponse(reads: readonly string[]): {
  response: Response;
  cancelled: () => boolean;
} {
  const encoder = new TextEncoder();
  let next = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const read = reads[next];
      next += 1;
      if (read === undefined) {
        controller.close();
      } else {
        controller.enqueue(encoder.encode(read));
      }
    },
    cancel() {
      cancelled = true;
    },
  });
  const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  return { response, cancelled: () => cancelled };
}

const chunk = (content: string, finishReason: string | null = null): string =>
  `data: ${JSON.stringify({
    id: 'gen-1',
    model: 'simulator/zero-delay',
    choices: [{ index: 0, delta: { content }, finish_reason: finishReason }],
  })}\n\n`;

async function collect(response: Response): Promise<unknown[]> {
  const chunks: unknown[] = [];
  for await (const each of chatChunks(response)) {
    chunks.push(each);
  }
  return chunks;
}

describe(chatChunks.name, () => {
  it('should yield each chunk until [DONE] and read the body to its end', async () => {
    const usage = 'data: {"id":"gen-1","choices":[],"usage":{"total_tokens":9,"cost":0.001}}\n\n';
    const { response, cancelled } = streamedResponse([
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
    expect(cancelled()).toBe(false);
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
