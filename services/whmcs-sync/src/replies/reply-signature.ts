/* A closing such as "Kind regards," or "Best wishes,": a few words, ending in a comma. */
const CLOSING = /^\p{L}[\p{L}' ]{0,28},$/u;
/* A name under a closing ("Priya", "The support team"): up to four words, no sentence mark. */
const NAME = /^\p{L}[\p{L}.'-]*(?: [\p{L}.'-]+){0,3}$/u;

/**
 * The reply as posted with the author's signature below it. A closing the text ends with
 * ("Kind regards," alone or above a name) gives way to the signature, which has its own; a text
 * that already ends with the signature, or an empty signature, leaves the reply as it is.
 */
export function withSignature(text: string, signature: string | null): string {
  const signed = normalise(signature ?? '');
  const body = normalise(text);
  if (signed === '' || body.endsWith(signed)) {
    return text;
  }
  const lines = body.split('\n');
  const closing = closingLines(lines);
  const kept = closing > 0 ? lines.slice(0, -closing).join('\n') : body;
  return `${kept.trimEnd()}\n\n${signed}`;
}

/** How many of the last lines are a closing: 0, 1 ("Kind regards,") or 2 (and a name). */
function closingLines(lines: readonly string[]): number {
  const [before, last] = [lines.at(-2)?.trim() ?? '', lines.at(-1)?.trim() ?? ''];
  if (lines.length > 2 && CLOSING.test(before) && NAME.test(last)) {
    return 2;
  }
  return lines.length > 1 && CLOSING.test(last) ? 1 : 0;
}

function normalise(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}
