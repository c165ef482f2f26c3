import { randomBytes } from 'node:crypto';

import type {
  AccessTokenResponse,
  AuditPage,
  BotSettingsVersion,
  ChatExchange,
  Conversation,
  DeadLetterList,
  DocumentPage,
  DocumentUploadResponse,
  DraftPage,
  DraftingDepartments,
  KnowledgeGapsReport,
  ListInteractionsResponse,
  Role,
  SyncStatus,
  User,
} from '@deskpilot/contracts';
import { DOCUMENT_FILES_FIELD } from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import { e2eEnvironment } from './environment';

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

/** A password the policy accepts. */
export function strongPassword(): string {
  return `Pw-${randomBytes(12).toString('base64url')}`;
}

/** A unique address per call, so specs never trip over each other's users. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}@console-e2e.test`;
}

/**
 * The HTTP API as the administrator: to prepare what a spec needs (users, a locked account) and
 * to check what the console did, without going through the screens under test.
 */
export class AdminApi {
  private readonly token = e2eEnvironment().adminToken;

  async createUser(role: Role, name: string): Promise<Credentials & { user: User }> {
    const credentials = { email: uniqueEmail(role), password: strongPassword() };
    const user = await this.call<User>('POST', '/api/users', { ...credentials, role, name });
    return { ...credentials, user };
  }

  audit(query: Record<string, string>): Promise<AuditPage> {
    return this.call<AuditPage>('GET', `/api/audit?${new URLSearchParams(query).toString()}`);
  }

  documents(query: Record<string, string>): Promise<DocumentPage> {
    return this.call<DocumentPage>(
      'GET',
      `/api/documents?${new URLSearchParams(query).toString()}`,
    );
  }

  /** The knowledge gaps of the last `days` days, as Home counts them. */
  knowledgeGaps(days: number): Promise<KnowledgeGapsReport> {
    const to = new Date();
    const from = new Date(to.getTime() - days * 24 * 3_600_000);
    const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
    return this.call<KnowledgeGapsReport>(
      'GET',
      `/api/analytics/knowledge-gaps?${query.toString()}`,
    );
  }

  drafts(query: Record<string, string>): Promise<DraftPage> {
    return this.call<DraftPage>('GET', `/api/drafts?${new URLSearchParams(query).toString()}`);
  }

  /** Uploads one file as the knowledge page would; resolves the upload's result. */
  async upload(filename: string, text: string): Promise<DocumentUploadResponse> {
    const form = new FormData();
    form.append(DOCUMENT_FILES_FIELD, new Blob([text], { type: 'text/plain' }), filename);
    const response = await fetch(`${e2eEnvironment().url}/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}` },
      body: form,
    });
    if (!response.ok) {
      throw new Error(`upload ${filename}: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as DocumentUploadResponse;
  }

  deadLetters(): Promise<DeadLetterList> {
    return this.call<DeadLetterList>('GET', '/api/ops/dead-letters');
  }

  syncStatus(): Promise<SyncStatus> {
    return this.call<SyncStatus>('GET', '/api/whmcs/sync');
  }

  departments(): Promise<DraftingDepartments> {
    return this.call<DraftingDepartments>('GET', '/api/whmcs/departments');
  }

  /** Polls WHMCS now; answers once the poll is over, whatever it met. */
  async pollWhmcs(): Promise<void> {
    await this.call<unknown>('POST', '/api/whmcs/sync/run', { full: false });
  }

  /**
   * A guest opens a ticket in the simulated WHMCS's first department (Technical Support), through
   * the simulator's control API; WHMCS is not polled.
   */
  async guestOpensTicket(subject: string, message: string): Promise<void> {
    const { whmcsUrl } = await this.syncStatus();
    const response = await fetch(`${whmcsUrl}/_sim/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        deptId: 1,
        name: 'Robin Customer',
        email: 'robin.customer@mailbox.example',
        subject,
        message,
        via: 'web',
      }),
    });
    if (!response.ok) {
      throw new Error(`opening a ticket: ${response.status} ${await response.text()}`);
    }
  }

  botSettings(): Promise<BotSettingsVersion> {
    return this.call<BotSettingsVersion>('GET', '/api/settings/bot');
  }

  /** Asks a question in a new chat conversation, as the chat screen would. */
  async ask(question: string): Promise<ChatExchange> {
    const conversation = await this.call<Conversation>('POST', '/api/conversations', {});
    return this.call<ChatExchange>('POST', `/api/conversations/${conversation.id}/messages`, {
      content: question,
    });
  }

  interactions(query: Record<string, string>): Promise<ListInteractionsResponse> {
    return this.call<ListInteractionsResponse>(
      'GET',
      `/api/interactions?${new URLSearchParams(query).toString()}`,
    );
  }

  /**
   * Asks a question and rates its answer not helpful, which makes it a knowledge gap; resolves
   * the interaction id once the rating is on the interaction log.
   */
  async askRatedDown(question: string): Promise<string> {
    const exchange = await this.ask(question);
    await this.rate(exchange.assistantMessage.id, 'down');
    const id = exchange.assistantMessage.interactionId ?? '';
    await waitFor(
      async () =>
        (await this.interactions({ feedback: 'down' })).items.some((item) => item.id === id),
      { message: 'the rating copied onto the interaction log' },
    );
    return id;
  }

  async rate(assistantMessageId: string, rating: 'up' | 'down'): Promise<void> {
    await this.call<unknown>('PUT', `/api/feedback/${assistantMessageId}`, { rating });
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${e2eEnvironment().url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as T;
  }
}

/** Asks a question in a new chat conversation as `who`, as the chat screen would. */
export async function askAs(who: Credentials, question: string): Promise<ChatExchange> {
  const { accessToken } = await login(who);
  const call = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${e2eEnvironment().url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as T;
  };
  const conversation = await call<Conversation>('/api/conversations', {});
  return call<ChatExchange>(`/api/conversations/${conversation.id}/messages`, {
    content: question,
  });
}

/** POST /api/auth/login, answering with its status code. */
export async function signInStatus(who: Credentials): Promise<number> {
  return (await postLogin(who)).status;
}

/** POST /api/auth/login (of the shared system unless `url` names another); throws unless it succeeds. */
export async function login(
  who: Credentials,
  url = e2eEnvironment().url,
): Promise<AccessTokenResponse> {
  const response = await postLogin(who, url);
  if (!response.ok) {
    throw new Error(`Sign-in of ${who.email} failed: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as AccessTokenResponse;
}

function postLogin(who: Credentials, url = e2eEnvironment().url): Promise<Response> {
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
}
