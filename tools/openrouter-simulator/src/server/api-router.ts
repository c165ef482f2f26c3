import type { IncomingMessage, ServerResponse } from 'node:http';

import { handleGeneration, handleKey } from '../api/account.handlers';
import type { ApiContext } from '../api/api-context';
import { replyError } from '../api/api-context';
import {
  handleGetModel,
  handleListEmbeddingModels,
  handleListModels,
} from '../api/catalog.handlers';
import { handleChatCompletions } from '../api/chat-completions.handler';
import { handleEmbeddings } from '../api/embeddings.handler';
import { errorReply } from '../faults/error-replies';
import { prepareApiRequest } from './request-context';
import type { SimulatorState } from './simulator-state';

export const API_PREFIX = '/api/v1';

type Handler = (context: ApiContext, match: RegExpExecArray) => void | Promise<void>;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  /** The public catalogue needs no key, as on OpenRouter. */
  readonly public: boolean;
  readonly handle: Handler;
}

const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    pattern: /^\/chat\/completions$/,
    public: false,
    handle: handleChatCompletions,
  },
  { method: 'POST', pattern: /^\/embeddings$/, public: false, handle: handleEmbeddings },
  { method: 'GET', pattern: /^\/models$/, public: true, handle: handleListModels },
  {
    method: 'GET',
    pattern: /^\/embeddings\/models$/,
    public: true,
    handle: handleListEmbeddingModels,
  },
  {
    method: 'GET',
    pattern: /^\/model\/([^/]+\/[^/]+)$/,
    public: true,
    handle: (context, match) => {
      handleGetModel(context, decodeURIComponent(match[1] ?? ''));
    },
  },
  { method: 'GET', pattern: /^\/generation$/, public: false, handle: handleGeneration },
  { method: 'GET', pattern: /^\/(?:key|auth\/key)$/, public: false, handle: handleKey },
];

/** Answers a request under `/api/v1`, or 404 in OpenRouter's error shape. */
export async function routeApi(
  state: SimulatorState,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname.slice(API_PREFIX.length);
  const method = request.method ?? 'GET';
  const route = ROUTES.find((candidate) => candidate.pattern.test(path));
  const prepared = await prepareApiRequest(
    state,
    request,
    response,
    url,
    !(route?.public ?? false),
  );
  if (!prepared.ok) {
    return;
  }
  const match = route?.pattern.exec(path);
  if (!route || !match) {
    replyError(prepared.context, errorReply(404, `Not Found: ${method} ${url.pathname}`));
    return;
  }
  if (route.method !== method) {
    replyError(
      prepared.context,
      errorReply(405, `Method ${method} not allowed on ${url.pathname}`),
    );
    return;
  }
  await route.handle(prepared.context, match);
}
