import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedResponse {
  readonly status: number;
  readonly generationId?: string;
  /** The model that served the request, after any `models[]` fallback. */
  readonly model?: string;
}

/** A request as it reached the simulator, for tests to assert what "the model" was sent. */
export interface RecordedRequest {
  readonly seq: number;
  readonly receivedAt: string;
  readonly method: string;
  /** The path without its query, e.g. `/api/v1/chat/completions`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased header names. `authorization` is left out: see `hasAuthorization`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly hasAuthorization: boolean;
  /** `HTTP-Referer`, and `X-OpenRouter-Title` (or the older `X-Title`), as OpenRouter reads them. */
  readonly attribution: { readonly referer?: string; readonly title?: string };
  /** The parsed JSON body; undefined when there was none or it was not JSON (then see `rawBody`). */
  readonly body: unknown;
  readonly rawBody?: string;
  /** Filled in once the simulator has answered (a stream counts as answered at its status line). */
  readonly response?: RecordedResponse;
  /**
   * For a streamed completion, milliseconds from the request's arrival to the write of its first
   * content token: the model's own time to first token, as a remote client could not measure it.
   */
  readonly firstTokenMs?: number;
}

export interface RequestFilter {
  /** Matches the whole path or its end, so `/chat/completions` finds `/api/v1/chat/completions`. */
  readonly path?: string;
  readonly method?: string;
}

export interface IncomingRecord {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly rawBody?: string;
}

/** Keeps the latest requests (oldest dropped beyond the capacity), in arrival order. */
export class RequestRecorder {
  private entries: RecordedRequest[] = [];
  private nextSeq = 1;

  constructor(private readonly capacity = 1000) {}

  record(incoming: IncomingRecord): number {
    const seq = this.nextSeq;
    this.nextSeq += 1;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (name !== 'authorization' && value !== undefined) {
        headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
    }
    const title = headers['x-openrouter-title'] ?? headers['x-title'];
    const referer = headers['http-referer'];
    this.entries.push({
      seq,
      receivedAt: new Date().toISOString(),
      method: incoming.method,
      path: incoming.path,
      query: incoming.query,
      headers,
      hasAuthorization: incoming.headers.authorization !== undefined,
      attribution: {
        ...(referer === undefined ? {} : { referer }),
        ...(title === undefined ? {} : { title }),
      },
      body: incoming.body,
      ...(incoming.rawBody === undefined ? {} : { rawBody: incoming.rawBody }),
    });
    if (this.entries.length > this.capacity) {
      this.entries.splice(0, this.entries.length - this.capacity);
    }
    return seq;
  }

  respond(seq: number, response: RecordedResponse): void {
    this.amend(seq, { response });
  }

  firstToken(seq: number, firstTokenMs: number): void {
    this.amend(seq, { firstTokenMs });
  }

  /** Copies of the matching requests, oldest first, so callers cannot alter the record. */
  list(filter: RequestFilter = {}): RecordedRequest[] {
    return this.entries
      .filter(
        (entry) =>
          (filter.path === undefined || entry.path.endsWith(filter.path)) &&
          (filter.method === undefined || entry.method === filter.method.toUpperCase()),
      )
      .map((entry) => structuredClone(entry));
  }

  clear(): void {
    this.entries = [];
  }

  private amend(seq: number, patch: Pick<RecordedRequest, 'response' | 'firstTokenMs'>): void {
    const index = this.entries.findIndex((entry) => entry.seq === seq);
    const entry = this.entries[index];
    if (entry) {
      this.entries[index] = { ...entry, ...patch };
    }
  }
}
