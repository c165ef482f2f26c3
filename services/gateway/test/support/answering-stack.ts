import { of, throwError } from 'rxjs';

import type { SearchHit, SearchResponse } from '@deskpilot/contracts';
import { SearchRpc, topology } from '@deskpilot/contracts';
import { startLlm } from '@deskpilot/llm';
import type { Consumer } from '@deskpilot/messaging';
import type { OpenRouterSimulator } from '@deskpilot/openrouter-simulator';
import { startOpenRouterSimulator } from '@deskpilot/openrouter-simulator';
import type { RunningService } from '@deskpilot/runtime';

import type { TestGateway } from './session';
import { startTestGateway } from './session';

export const KB_DOCUMENT_ID = '11111111-1111-4111-8111-111111111111';

/** The passages the stand-in retrieval answers every search with. */
export const KB_HITS: SearchHit[] = [
  hit(
    '22222222-2222-4222-8222-222222222201',
    'Restarting services',
    'To restart Apache, log in to WHM and open Restart Services, then choose HTTP Server (Apache). The restart takes about a minute.',
    0.91,
  ),
  hit(
    '22222222-2222-4222-8222-222222222202',
    'Email forwarding',
    'To forward mail, open Email > Forwarders in cPanel and add a forwarder for the address.',
    0.42,
  ),
];

function hit(chunkId: string, heading: string, text: string, score: number): SearchHit {
  return {
    chunkId,
    documentId: KB_DOCUMENT_ID,
    documentTitle: 'Hosting handbook',
    documentVersion: 3,
    headingPath: [heading],
    text,
    score,
    denseScore: 0.8,
    lexicalScore: 0.3,
    denseRank: 1,
    lexicalRank: 2,
  };
}

/** The product topology, plus retrieval.search answered by the stand-in retrieval. */
const TEST_TOPOLOGY: typeof topology = {
  ...topology,
  retrieval: {
    ...topology.retrieval,
    rpcs: [...new Set([...topology.retrieval.rpcs, SearchRpc.Search])],
  },
};

/** A misspelling the retrieval stand-in reads as the search would, when a query holds it. */
export const KB_MISSPELLING = { typed: 'restrat', read: 'restart' } as const;

export interface AnsweringStack {
  readonly gateway: TestGateway;
  readonly simulator: OpenRouterSimulator;
  /** Every `retrieval.search` request the stand-in received. */
  readonly searches: unknown[];
  stop(): Promise<void>;
}

/**
 * The real gateway and the real llm service on one in-process bus and one throw-away database,
 * llm calling the OpenRouter simulator (or the offline answerer with `offline`), and a stand-in
 * retrieval answering every search with KB_HITS (and KB_MISSPELLING read as the search would).
 */
export async function startAnsweringStack(
  options: { offline?: boolean; gatewayEnv?: Record<string, string> } = {},
): Promise<AnsweringStack> {
  const simulator = await startOpenRouterSimulator();
  const gateway = await startTestGateway({
    fakeWorkerHealth: false,
    topology: TEST_TOPOLOGY,
    ...(options.gatewayEnv === undefined ? {} : { env: options.gatewayEnv }),
  });
  const searches: unknown[] = [];
  const consumers: Consumer[] = [];
  let llm: RunningService | undefined;
  try {
    consumers.push(
      await gateway.broker.consume(
        { service: 'retrieval', instanceId: 'retrieval-stand-in', prefetch: 16 },
        {
          onEvent: () => Promise.resolve(),
          onRequest: (request) => {
            if (request.meta.name !== SearchRpc.Search) {
              return throwError(() =>
                Object.assign(new Error('not faked'), { code: 'UNAVAILABLE' }),
              );
            }
            searches.push(request.payload);
            const { query } = request.payload as { query: string };
            const response: SearchResponse = {
              hits: KB_HITS,
              ...(query.includes(KB_MISSPELLING.typed) ? { corrections: [KB_MISSPELLING] } : {}),
              embedder: 'test',
              tookMs: 1,
            };
            return of(response);
          },
        },
      ),
    );
    llm = await startLlm({
      broker: gateway.broker,
      env: {
        DATABASE_URL: gateway.databaseUrl,
        LOG_LEVEL: 'silent',
        OPENROUTER_BASE_URL: simulator.baseUrl,
        ...(options.offline === true ? {} : { OPENROUTER_API_KEY: simulator.apiKey }),
        LLM_MODEL: 'openai/gpt-4o-mini',
        LLM_FIRST_TOKEN_TIMEOUT_MS: '3000',
        LLM_INACTIVITY_TIMEOUT_MS: '2000',
        LLM_MAX_RETRIES: '0',
      },
    });
  } catch (error) {
    await gateway.stop();
    await simulator.close();
    throw error;
  }
  return {
    gateway,
    simulator,
    searches,
    stop: async () => {
      await llm.stop();
      for (const consumer of consumers) {
        await consumer.stop();
      }
      await gateway.stop();
      await simulator.close();
    },
  };
}

/** A server-sent event as received. */
export interface ReceivedSse {
  readonly event: string;
  readonly data: unknown;
}

/** Splits an SSE body into its events (each `event:` line and one JSON `data:` line). */
export function parseSse(body: string): ReceivedSse[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim().length > 0)
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}
