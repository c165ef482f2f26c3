import OpenAI, { APIError } from 'openai';

import { fromBase64 } from '../embeddings/hashed-embedder';
import type { OpenRouterSimulator } from './openrouter-simulator';
import { startOpenRouterSimulator } from './openrouter-simulator';

const PROMPT = [
  { role: 'system' as const, content: 'Answer only from the passages and cite them as [n].' },
  {
    role: 'user' as const,
    content:
      '<passages>\n[1] To restart Apache, open WHM and choose Restart Services.\n' +
      '[2] Invoices are due within seven days.\n</passages>\n<question>\nHow do I restart Apache?\n</question>',
  },
];

async function rawChat(
  simulator: OpenRouterSimulator,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${simulator.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${simulator.apiKey}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: JSON.stringify({
      model: 'openai/gpt-4o-mini',
      messages: PROMPT,
      temperature: 0,
      ...body,
    }),
  });
}

interface WireChunk {
  id: string;
  choices: { delta?: { content?: string }; finish_reason?: string | null }[];
  usage?: Record<string, unknown>;
}

function dataEvents(text: string): string[] {
  return text
    .split('\n\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice('data: '.length));
}

describe('OpenRouter simulator', () => {
  let sut: OpenRouterSimulator;
  let client: OpenAI;

  beforeAll(async () => {
    sut = await startOpenRouterSimulator({ generationStatsDelayMs: 0 });
    client = new OpenAI({ baseURL: sut.baseUrl, apiKey: sut.apiKey, maxRetries: 0 });
  });

  afterEach(() => {
    sut.control.reset();
  });

  afterAll(async () => {
    await sut.close();
  });

  describe('POST /chat/completions', () => {
    it('should stream in OpenRouter format: comments, tokens, finish, usage-only chunk, DONE', async () => {
      const response = await rawChat(sut, { stream: true, max_completion_tokens: 200 });
      const text = await response.text();
      const events = dataEvents(text);
      const chunks = events.slice(0, -1).map((event) => JSON.parse(event) as WireChunk);

      expect(response.headers.get('content-type')).toBe('text/event-stream');
      expect(response.headers.get('x-generation-id')).toMatch(/^gen-\d+-\w{20}$/);
      expect(text.startsWith(': OPENROUTER PROCESSING\n\n')).toBe(true);
      expect(events.at(-1)).toBe('[DONE]');
      const usageChunk = chunks.at(-1)!;
      const finishChunk = chunks.at(-2)!;
      expect(usageChunk.choices).toEqual([]);
      expect(typeof usageChunk.usage?.['prompt_tokens']).toBe('number');
      expect(typeof usageChunk.usage?.['cost']).toBe('number');
      expect(finishChunk.choices[0]).toMatchObject({
        finish_reason: 'stop',
        delta: { content: '' },
      });
      const answer = chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('');
      expect(answer).toBe('To restart Apache, open WHM and choose Restart Services [1].');
      expect(chunks.every((chunk) => chunk.id === response.headers.get('x-generation-id'))).toBe(
        true,
      );
    });

    it('should answer without streaming with usage and cost', async () => {
      const completion = await client.chat.completions.create({
        model: 'openai/gpt-4o-mini',
        messages: PROMPT,
        max_completion_tokens: 200,
      });

      expect(completion.choices[0]?.message.content).toContain('[1]');
      expect((completion.usage as unknown as { cost: number }).cost).toBeGreaterThan(0);
    });

    it('should cut the answer at max_tokens with finish_reason length', async () => {
      const completion = await client.chat.completions.create({
        model: 'openai/gpt-4o-mini',
        messages: PROMPT,
        max_completion_tokens: 3,
      });

      expect(completion.choices[0]?.finish_reason).toBe('length');
      expect(completion.usage?.completion_tokens).toBe(3);
    });

    it('should record the request with its attribution headers and body', async () => {
      const attributed = new OpenAI({
        baseURL: sut.baseUrl,
        apiKey: sut.apiKey,
        defaultHeaders: {
          'HTTP-Referer': 'https://deskpilot.example',
          'X-OpenRouter-Title': 'Deskpilot',
        },
      });

      await attributed.chat.completions.create({
        model: 'openai/gpt-4o-mini',
        messages: PROMPT,
        max_completion_tokens: 50,
      });

      const recorded = sut.control.chatRequests()[0]!;
      expect(recorded.attribution).toEqual({
        referer: 'https://deskpilot.example',
        title: 'Deskpilot',
      });
      expect(recorded.hasAuthorization).toBe(true);
      expect(recorded.headers['authorization']).toBeUndefined();
      expect(recorded.body).toMatchObject({ max_completion_tokens: 50, messages: PROMPT });
      expect(recorded.response).toMatchObject({ status: 200, model: 'openai/gpt-4o-mini' });
    });

    it("should record a stream's own time to its first token, after the first-token delay", async () => {
      sut.control.updateSettings({ firstTokenDelayMs: 40 });

      const streamed = await rawChat(sut, { stream: true, max_completion_tokens: 5 });
      await streamed.text();
      await (await rawChat(sut, { max_completion_tokens: 5 })).json();

      const [stream, whole] = sut.control.chatRequests();
      expect(stream?.firstTokenMs).toBeGreaterThanOrEqual(40);
      expect(whole?.response?.status).toBe(200);
      expect(whole?.firstTokenMs).toBeUndefined();
    });

    it('should start the zero-delay model at once and pace its tokens by the settings', async () => {
      sut.control.updateSettings({ firstTokenDelayMs: 1_000, tokenDelayMs: 30 });

      const started = performance.now();
      const streamed = await rawChat(sut, {
        model: 'simulator/zero-delay',
        stream: true,
        max_completion_tokens: 5,
      });
      const events = dataEvents(await streamed.text());
      const elapsed = performance.now() - started;

      const tokens = events.filter(
        (event) =>
          event !== '[DONE]' && (JSON.parse(event) as WireChunk).choices[0]?.delta?.content,
      );
      expect(tokens).toHaveLength(5);
      expect(sut.control.chatRequests()[0]?.firstTokenMs).toBeLessThan(1_000);
      // Four pauses of 30 ms between five tokens; a timer may fire a millisecond early.
      expect(elapsed).toBeGreaterThanOrEqual(4 * 30 - 4);
    });

    it('should fall back to the next model of models[] when the primary fails', async () => {
      sut.control.addFault({ kind: 'server-error', status: 503, model: 'openai/gpt-4o-mini' });

      const completion = await client.chat.completions.create({
        model: 'openai/gpt-4o-mini',
        models: ['openai/gpt-4o-mini', 'anthropic/claude-sonnet-4.6'],
        messages: PROMPT,
        max_completion_tokens: 100,
      } as OpenAI.ChatCompletionCreateParamsNonStreaming);

      expect(completion.model).toBe('anthropic/claude-sonnet-4.6');
    });

    it('should refuse a missing key and an unknown key with 401', async () => {
      const missing = await fetch(`${sut.baseUrl}/chat/completions`, {
        method: 'POST',
        body: '{}',
      });
      const wrong = await rawChat(sut, {}, { Authorization: 'Bearer sk-or-v1-nope' });

      expect(missing.status).toBe(401);
      expect(await missing.json()).toEqual({
        error: { message: 'No auth credentials found', code: 401 },
      });
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toEqual({ error: { message: 'User not found.', code: 401 } });
    });

    it('should answer 429 with Retry-After when rate limited', async () => {
      sut.control.addFault({ kind: 'rate-limit', retryAfterSeconds: 7 });

      const response = await rawChat(sut, { max_completion_tokens: 10 });

      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('7');
      expect(await response.json()).toMatchObject({
        error: { code: 429, message: 'Rate limit exceeded' },
      });
    });

    it('should answer 402 when credits cannot cover max_tokens', async () => {
      sut.control.updateSettings({ creditLimit: 0.000001 });

      const response = await rawChat(sut, { max_completion_tokens: 100_000 });

      expect(response.status).toBe(402);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
        'requires more credits, or fewer max_tokens',
      );
    });

    it('should apply a fault sent in the request header to that request only', async () => {
      const faulted = await rawChat(
        sut,
        { max_completion_tokens: 10 },
        { 'X-Simulator-Fault': '{"kind":"server-error"}' },
      );
      const next = await rawChat(sut, { max_completion_tokens: 10 });

      expect(faulted.status).toBe(502);
      expect(next.status).toBe(200);
    });

    it('should end a stream with an error event that the SDK throws as APIError', async () => {
      sut.control.addFault({ kind: 'midstream-error', afterTokens: 2, code: 502 });
      const stream = await client.chat.completions.create({
        model: 'openai/gpt-4o-mini',
        messages: PROMPT,
        max_completion_tokens: 100,
        temperature: 0,
        stream: true,
      });
      let partial = '';

      const reading = (async () => {
        for await (const chunk of stream) {
          partial += chunk.choices[0]?.delta.content ?? '';
        }
      })();

      await expect(reading).rejects.toBeInstanceOf(APIError);
      await expect(reading).rejects.toMatchObject({
        status: undefined,
        message: 'Provider returned error',
      });
      expect(partial).toBe('To rest');
    });

    it('should stall after the headers until the client gives up', async () => {
      sut.control.addFault({ kind: 'stall', afterTokens: 1 });
      const response = await rawChat(sut, { stream: true, max_completion_tokens: 100 });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let seen = '';

      while (dataEvents(seen).length === 0) {
        const read = await reader.read();
        seen += decoder.decode(read.value as Uint8Array | undefined);
      }
      const next = await Promise.race([
        reader.read().then(() => 'more data'),
        new Promise<string>((resolve) => {
          setTimeout(() => {
            resolve('quiet');
          }, 300);
        }),
      ]);
      await reader.cancel();

      expect(response.status).toBe(200);
      expect(dataEvents(seen)).toHaveLength(1);
      expect(next).toBe('quiet');
    });

    it('should keep a lingering stream open after [DONE] until the client leaves', async () => {
      sut.control.addFault({ kind: 'linger' });
      const response = await rawChat(sut, { stream: true, max_completion_tokens: 100 });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let seen = '';

      while (!dataEvents(seen).includes('[DONE]')) {
        const read = await reader.read();
        expect(read.done).toBe(false);
        seen += decoder.decode(read.value as Uint8Array | undefined);
      }
      const next = await Promise.race([
        reader.read().then((read) => (read.done ? 'ended' : 'more data')),
        new Promise<string>((resolve) => {
          setTimeout(() => {
            resolve('open');
          }, 300);
        }),
      ]);
      await reader.cancel();

      expect(next).toBe('open');
      expect(dataEvents(seen).at(-1)).toBe('[DONE]');
    });

    it('should hang without a status line when asked to', async () => {
      sut.control.addFault({ kind: 'hang' });

      const attempt = rawChat(sut, { max_completion_tokens: 10 }).then(() => 'answered');
      const outcome = await Promise.race([
        attempt,
        new Promise((resolve) => {
          setTimeout(() => {
            resolve('still waiting');
          }, 300);
        }),
      ]);

      expect(outcome).toBe('still waiting');
      sut.control.reset();
    });
  });

  describe('POST /embeddings', () => {
    it('should return float arrays when asked for floats', async () => {
      const result = await client.embeddings.create({
        model: 'openai/text-embedding-3-small',
        input: ['restart apache', 'invoice'],
        encoding_format: 'float',
        dimensions: 32,
      });

      expect(result.data).toHaveLength(2);
      expect(result.data[0]?.embedding).toHaveLength(32);
    });

    it('should return base64 float32 when asked for base64', async () => {
      const response = await fetch(`${sut.baseUrl}/embeddings`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sut.apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          model: 'openai/text-embedding-3-small',
          input: 'restart apache',
          encoding_format: 'base64',
          dimensions: 16,
        }),
      });
      const body = (await response.json()) as { data: { embedding: string }[] };

      expect(typeof body.data[0]?.embedding).toBe('string');
      expect(fromBase64(body.data[0]!.embedding)).toHaveLength(16);
    });

    it('should reject an empty input', async () => {
      await expect(
        client.embeddings.create({
          model: 'openai/text-embedding-3-small',
          input: '',
          encoding_format: 'float',
        }),
      ).rejects.toMatchObject({ status: 400 });
    });
  });

  describe('catalogue and account', () => {
    it('should list text models without a key and embedding models on request', async () => {
      const text = (await (await fetch(`${sut.baseUrl}/models`)).json()) as {
        data: { id: string }[];
      };
      const embeddings = (await (
        await fetch(`${sut.baseUrl}/models?output_modalities=embeddings`)
      ).json()) as { data: { id: string; pricing: { prompt: string } }[] };

      expect(text.data.map((model) => model.id)).toContain('openai/gpt-4o-mini');
      expect(text.data.map((model) => model.id)).not.toContain('openai/text-embedding-3-small');
      expect(embeddings.data.map((model) => model.id)).toContain('openai/text-embedding-3-small');
      expect(embeddings.data[0]?.pricing.prompt).toMatch(/^0\.\d+$/);
    });

    it('should report a generation and the key spending', async () => {
      const completion = await client.chat.completions.create({
        model: 'openai/gpt-4o-mini',
        messages: PROMPT,
        max_completion_tokens: 100,
      });
      const headers = { Authorization: `Bearer ${sut.apiKey}` };

      const generation = (await (
        await fetch(`${sut.baseUrl}/generation?id=${completion.id}`, { headers })
      ).json()) as { data: { id: string; total_cost: number; streamed: boolean } };
      const key = (await (await fetch(`${sut.baseUrl}/key`, { headers })).json()) as {
        data: { usage: number };
      };

      expect(generation.data).toMatchObject({ id: completion.id, streamed: false });
      expect(generation.data.total_cost).toBeGreaterThan(0);
      expect(key.data.usage).toBeGreaterThan(0);
    });
  });

  describe('control API', () => {
    it('should plan faults and list requests over HTTP', async () => {
      const added = await fetch(`${sut.url}/_sim/faults`, {
        method: 'POST',
        body: JSON.stringify({ kind: 'insufficient-credits' }),
      });
      const faulted = await rawChat(sut, { max_completion_tokens: 10 });
      const requests = (await (
        await fetch(`${sut.url}/_sim/requests?path=/chat/completions`)
      ).json()) as {
        data: { response: { status: number } }[];
      };

      expect(added.status).toBe(201);
      expect(faulted.status).toBe(402);
      expect(requests.data.map((request) => request.response.status)).toEqual([402]);
    });

    it('should refuse an invalid fault', async () => {
      const response = await fetch(`${sut.url}/_sim/faults`, {
        method: 'POST',
        body: JSON.stringify({ kind: 'volcano' }),
      });

      expect(response.status).toBe(400);
    });
  });
});
