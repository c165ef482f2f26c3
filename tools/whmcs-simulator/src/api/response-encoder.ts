import type { ApiReply, ResponseType } from './api-reply';

export interface EncodedResponse {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Encodes an action's answer the way `includes/api.php` prints it for the response type. */
export function encodeReply(
  reply: ApiReply,
  responseType: ResponseType,
  action: string,
  version: string,
): EncodedResponse {
  switch (responseType) {
    case 'json':
      return {
        status: reply.status,
        contentType: 'application/json',
        text: JSON.stringify(reply.body),
      };
    case 'xml':
      return {
        status: reply.status,
        contentType: 'text/xml; charset=utf-8',
        text: [
          '<?xml version="1.0" encoding="utf-8"?>',
          `<whmcsapi version="${version}">`,
          `<action>${escapeXml(action)}</action>`,
          ...Object.entries(reply.body).map(([key, value]) => xmlElement(key, value)),
          '</whmcsapi>',
        ].join('\n'),
      };
    case 'nvp':
      return {
        status: reply.status,
        contentType: 'text/plain; charset=utf-8',
        text: Object.entries(reply.body)
          .filter(([, value]) => value === null || typeof value !== 'object')
          .map(([key, value]) => `${key}=${scalarText(value)}`)
          .join(';'),
      };
  }
}

function xmlElement(name: string, value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((item) => xmlElement(name, item)).join('\n');
  }
  if (value !== null && typeof value === 'object') {
    const children = Object.entries(value as Record<string, unknown>)
      .map(([key, child]) => xmlElement(/^\d/.test(key) ? `${name}_${key}` : key, child))
      .join('\n');
    return `<${name}>\n${children}\n</${name}>`;
  }
  return `<${name}>${escapeXml(scalarText(value))}</${name}>`;
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'boolean') {
    return value ? '1' : '';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}
