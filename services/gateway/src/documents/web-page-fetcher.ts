import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

import { isInternalAddress } from '../http/private-network';
import { formatMegabytes } from './documents.service';

export interface WebFetchLimits {
  /** The largest page accepted, after decompression. */
  readonly maxBytes: number;
  /** For the whole fetch, redirects included. */
  readonly timeoutMs: number;
  /** Whether addresses on this host and private networks may be fetched. */
  readonly allowInternal: boolean;
}

export interface FetchedPage {
  /** Where the page was found, after redirects. */
  readonly url: URL;
  readonly buffer: Buffer;
  /** As the server declared it; ingest decides the type from the content. */
  readonly contentType: string;
  /** A file name for the document record, from the address and the declared type. */
  readonly filename: string;
}

/** Why a page could not be imported, in words for the administrator who asked. */
export class WebFetchError extends Error {}

const MAX_REDIRECTS = 5;
const USER_AGENT = 'Deskpilot-KnowledgeImport/1 (+knowledge base import)';
const ACCEPT =
  'text/html, application/xhtml+xml, text/markdown, text/plain, application/pdf, ' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9, */*;q=0.5';
const EXTENSIONS: readonly (readonly [RegExp, string])[] = [
  [/^text\/html|^application\/xhtml/u, '.html'],
  [/^application\/pdf/u, '.pdf'],
  [/^text\/(?:x-)?markdown/u, '.md'],
  [/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml/u, '.docx'],
  [/^text\/plain/u, '.txt'],
];

class InternalAddressError extends Error {
  constructor(readonly address: string) {
    super(`internal address ${address}`);
  }
}

/**
 * Fetches one page or file to import into the knowledge base: http and https only, at most five
 * redirects (each checked like the first address), a time limit for the whole fetch, a size
 * limit counted as the body arrives (after decompression), and no address on this host or a
 * private network unless allowed. The addresses are checked as the connection resolves them, so
 * a host name cannot point elsewhere between a check and the connection.
 */
export async function fetchWebPage(address: string, limits: WebFetchLimits): Promise<FetchedPage> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = parseAddress(address);
  for (let redirects = 0; ; redirects += 1) {
    const response = await get(url, limits, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location !== undefined) {
      response.resume();
      if (redirects === MAX_REDIRECTS) {
        throw new WebFetchError(`The address redirected more than ${MAX_REDIRECTS} times.`);
      }
      url = parseAddress(new URL(location, url).toString());
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new WebFetchError(
        `The server answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}.`,
      );
    }
    const contentType = (response.headers['content-type'] ?? '').trim();
    const buffer = await readBody(response, limits, signal);
    return { url, buffer, contentType, filename: filenameOf(url, contentType) };
  }
}

function parseAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new WebFetchError('This is not a web address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebFetchError('Only http and https addresses can be imported.');
  }
  return url;
}

function get(url: URL, limits: WebFetchLimits, signal: AbortSignal): Promise<IncomingMessage> {
  if (!limits.allowInternal && isInternalAddress(url.hostname)) {
    return Promise.reject(internalAddressError(url.hostname));
  }
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'GET',
        headers: {
          'user-agent': USER_AGENT,
          accept: ACCEPT,
          'accept-encoding': 'gzip, deflate, br',
        },
        signal,
        lookup: guardedLookup(limits.allowInternal),
      },
      resolve,
    );
    outgoing.on('error', (error) => {
      reject(describe(error, url, limits));
    });
    outgoing.end();
  });
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** DNS resolution that refuses internal addresses (all of them, when several are returned). */
function guardedLookup(allowInternal: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) {
        callback(error, []);
        return;
      }
      const internal = addresses.find((entry) => isInternalAddress(entry.address));
      if (!allowInternal && internal !== undefined) {
        callback(new InternalAddressError(internal.address), []);
        return;
      }
      if (options.all === true) {
        callback(null, addresses);
        return;
      }
      const first = addresses[0];
      callback(null, first?.address ?? '', first?.family);
    });
  };
}

async function readBody(
  response: IncomingMessage,
  limits: WebFetchLimits,
  signal: AbortSignal,
): Promise<Buffer> {
  const tooLarge = () =>
    new WebFetchError(
      `The page is larger than the upload limit of ${formatMegabytes(limits.maxBytes)}.`,
    );
  const declared = Number(response.headers['content-length']);
  if (response.headers['content-encoding'] === undefined && declared > limits.maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const body = decoded(response);
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const part of body) {
      const chunk = part as Buffer;
      size += chunk.length;
      if (size > limits.maxBytes) {
        throw tooLarge();
      }
      parts.push(chunk);
    }
  } catch (error) {
    response.destroy();
    if (error instanceof WebFetchError) {
      throw error;
    }
    if (signal.aborted) {
      throw new WebFetchError(timeoutMessage(limits));
    }
    throw new WebFetchError('The page could not be read to its end (the connection broke off).');
  }
  return Buffer.concat(parts);
}

const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

function decoded(response: IncomingMessage): Readable {
  const encoding = response.headers['content-encoding']?.trim().toLowerCase() ?? 'identity';
  const decoder = DECODERS[encoding];
  return decoder === undefined ? response : response.pipe(decoder());
}

function describe(error: unknown, url: URL, limits: WebFetchLimits): WebFetchError {
  if (error instanceof InternalAddressError) {
    return internalAddressError(error.address);
  }
  const { code, name } = error as NodeJS.ErrnoException;
  if (name === 'AbortError' || name === 'TimeoutError' || code === 'ABORT_ERR') {
    return new WebFetchError(timeoutMessage(limits));
  }
  const host = url.host;
  const reasons: Readonly<Record<string, string>> = {
    ENOTFOUND: `The host ${url.hostname} could not be found.`,
    EAI_AGAIN: `The host ${url.hostname} could not be found.`,
    ECONNREFUSED: `${host} refused the connection.`,
    ECONNRESET: `${host} closed the connection.`,
    ETIMEDOUT: `${host} did not answer.`,
  };
  const reason = code === undefined ? undefined : reasons[code];
  if (reason !== undefined) {
    return new WebFetchError(reason);
  }
  if (code !== undefined && /CERT|TLS/u.test(code)) {
    return new WebFetchError(`The TLS certificate of ${url.hostname} is not valid (${code}).`);
  }
  return new WebFetchError(
    `The page could not be fetched (${code ?? (error instanceof Error ? error.message : 'unknown error')}).`,
  );
}

function internalAddressError(address: string): WebFetchError {
  return new WebFetchError(
    `The address leads to ${address}, on this host or a private network; ` +
      'WEB_IMPORT_ALLOW_INTERNAL=true allows such addresses.',
  );
}

function timeoutMessage(limits: WebFetchLimits): string {
  return `The page did not arrive within ${Math.round(limits.timeoutMs / 1_000)} s.`;
}

/** `https://docs.example.com/guides/dns-records?x=1` with `text/html` → `dns-records.html`. */
export function filenameOf(url: URL, contentType: string): string {
  const segments = url.pathname.split('/').filter((segment) => segment.length > 0);
  let name = url.hostname;
  const last = segments.at(-1);
  if (last !== undefined) {
    try {
      name = decodeURIComponent(last);
    } catch {
      name = last;
    }
  }
  name = name.replace(/[\\/:*?"<>|\s]+/gu, '-').slice(0, 200);
  const extension = EXTENSIONS.find(([type]) => type.test(contentType.toLowerCase()))?.[1];
  if (extension !== undefined && !name.toLowerCase().endsWith(extension)) {
    name += extension;
  }
  return name;
}
