import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { EmbeddingError } from '../embedder';
import type { OpenAiEmbedderOptions } from './openai-embedder';
import { OpenAiEmbedder } from './openai-embedder';

interface EmbeddingsBody {
  model: string;
  input: string[];
  encoding_format?: string;
  dimensions?: number;
}

type Reply = (body: EmbeddingsBody, response: ServerResponse) => void;

/** An OpenAI-compatible `/embeddings` endpoint that records requests and replies as told. */
class EmbeddingsSimulator {
  readonly requests: EmbeddingsBody[] = [];
  private readonly replies: Reply[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Queues replies for the next requests; afterwards requests get vectors of `dimension`. */
  then(...replies: Reply[]): void {
    this.replies.push(...replies);
  }

  dimension = 8;

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of request) {
      raw += String(chunk);
    }
    const body = JSON.parse(raw) as EmbeddingsBody;
    this.requests.push(body);
    const reply = this.replies.shift() ?? vectors(this.dimension);
    reply(body, response);
  }
}

function vectors(dimension: number): Reply {
  return (body, response) => {
    const data = body.input.map((text, index) => ({
      object: 'embedding',
      index,
      embedding: Array.from({ length: dimension }, (_, i) =>
        i === text.length % dimension ? 3 : 0,
      ),
    }));
    // Out of order on purpose: clients must sort by index.
    json(response, 200, { object: 'list', data: data.reverse(), model: body.model });
  };
}

function failure(status: number, headers: Record<string, string> = {}): Reply {
  return (_body, response) => {
    json(response, status, { error: { code: status, message: `simulated ${status}` } }, headers);
  };
}

function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

describe(OpenAiEmbedder.name, () => {
  let simulator: EmbeddingsSimulator;
  let baseUrl: string;
  const options = (overrides: Partial<OpenAiEmbedderOptions> = {}): OpenAiEmbedderOptions => ({
    baseUrl,
    apiKey: 'sk-test',
    model: 'openai/text-embedding-3-small',
    dimension: 8,
    sendDimensions: false,
    batchSize: 2,
    maxRetries: 2,
    timeoutMs: 5_000,
    ...overrides,
  });

  beforeEach(async () => {
    simulator = new EmbeddingsSimulator();
    baseUrl = await simulator.start();
  });

  afterEach(async () => {
    await simulator.stop();
  });

  describe('embedDocuments', () => {
    it('should send batches with float encoding and keep the input order when given many passages', async () => {
      const sut = new OpenAiEmbedder(options());

      const result = await sut.embedDocuments([
        { text: 'a' },
        { title: 'T', headings: ['H'], text: 'bb' },
        { text: 'ccc' },
      ]);

      expect(simulator.requests.map((r) => r.input)).toEqual([['a', 'T > H\n\nbb'], ['ccc']]);
      expect(simulator.requests.every((r) => r.encoding_format === 'float')).toBe(true);
      expect(result.map((v) => v.indexOf(1))).toEqual([1, 'T > H\n\nbb'.length % 8, 3]);
    });

    it('should retry and succeed when the endpoint is rate limited once', async () => {
      simulator.then(failure(429, { 'retry-after-ms': '10' }));
      const sut = new OpenAiEmbedder(options());

      const [vector] = await sut.embedDocuments([{ text: 'x' }]);

      expect(simulator.requests).toHaveLength(2);
      expect(vector).toHaveLength(8);
    });

    it('should fail with a non-retryable error when the key is rejected', async () => {
      simulator.then(failure(401));
      const sut = new OpenAiEmbedder(options());

      const result = sut.embedDocuments([{ text: 'x' }]);

      await expect(result).rejects.toMatchObject({ name: 'EmbeddingError', retryable: false });
      expect(simulator.requests).toHaveLength(1);
    });

    it('should fail with a retryable error when the endpoint keeps failing', async () => {
      simulator.then(failure(502), failure(502), failure(502));
      const sut = new OpenAiEmbedder(options({ maxRetries: 2 }));

      await expect(sut.embedDocuments([{ text: 'x' }])).rejects.toMatchObject({ retryable: true });
      expect(simulator.requests).toHaveLength(3);
    });

    it('should reject vectors of the wrong length when the model answers another dimension', async () => {
      simulator.dimension = 6;
      const sut = new OpenAiEmbedder(options());

      await expect(sut.embedDocuments([{ text: 'x' }])).rejects.toThrow(
        'returned 6-dimensional vectors, expected 8',
      );
    });

    it('should send the dimension when asked to', async () => {
      const sut = new OpenAiEmbedder(options({ sendDimensions: true }));

      await sut.embedQuery('x');

      expect(simulator.requests[0]?.dimensions).toBe(8);
    });
  });

  describe('embedQuery', () => {
    it('should return a unit vector when the endpoint answers', async () => {
      const sut = new OpenAiEmbedder(options());

      const vector = await sut.embedQuery('hello');

      expect(Math.hypot(...vector)).toBeCloseTo(1, 6);
      expect(sut.queryTerms()).toEqual([]);
    });
  });

  describe('probeDimension', () => {
    it('should learn the dimension when the endpoint answers a probe', async () => {
      simulator.dimension = 12;

      const dimension = await OpenAiEmbedder.probeDimension(options());

      expect(dimension).toBe(12);
    });

    it('should fail when the endpoint is unreachable', async () => {
      await simulator.stop();

      await expect(
        OpenAiEmbedder.probeDimension(options({ maxRetries: 0 })),
      ).rejects.toBeInstanceOf(EmbeddingError);
      simulator = new EmbeddingsSimulator();
      await simulator.start();
    });
  });

  describe('constructor', () => {
    it('should include the model and dimension in the id', () => {
      expect(new OpenAiEmbedder(options()).id).toBe('openai:openai/text-embedding-3-small:8');
    });
  });
});
