/* A closing such as "Kind regards," or "Best wishes,": a few words, ending in a comma. */
const CLOSING = /^\p{L}[\p{L}' ]{0,28},$/u;

/**
 * The reply as posted with the author's signature below it. A closing line the text ends with
 * ("Kind regards,") gives way to the signature, which has its own; a text that already ends with
 * the signature, or an empty signature, leaves the reply as it is.
 */
export function withSignature(text: string, signature: string | null): string {
  const signed = normalise(signature ?? '');
  const body = normalise(text);
  if (signed === '' || body.endsWith(signed)) {
    return text;
  }
  const lines = body.split('\n');
  const last = lines.at(-1)?.trim() ?? '';
  const kept = CLOSING.test(last) && lines.length > 1 ? lines.slice(0, -1).join('\n') : body;
  return `${kept.trimEnd()}\n\n${signed}`;
}

function normalise(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}
