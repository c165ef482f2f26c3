/** Abbreviations of one- and two-letter parts ("z.B.", "e.g.", "d.h."), which are not addresses. */
const ABBREVIATION = /^(?:\p{L}{1,2}\.)+\p{L}{0,2}$/u;
const WORD_BOUNDARY = /[\s"'“”„‘’‚«»()[\]{}<>,;!?|*`_-]+/u;

/**
 * The words of a text that a translation keeps as they are, lower-cased, each once: numbers and
 * words with a digit (ports, prices, versions, "IPv6"), addresses (domains, e-mail addresses,
 * paths), and names written with a capital inside or in capitals only ("cPanel", "WordPress",
 * "DNS"). A German answer and the English passage it was written from share these, not words.
 */
export function anchorTerms(text: string): string[] {
  const anchors = new Set<string>();
  for (const raw of text.split(WORD_BOUNDARY)) {
    const token = raw.replace(/^[.:]+|[.:]+$/gu, '');
    if (token.length > 0 && isAnchor(token)) {
      anchors.add(token.toLowerCase());
    }
  }
  return [...anchors];
}

function isAnchor(token: string): boolean {
  if (/\p{N}/u.test(token)) {
    return true;
  }
  if (/[@/]/u.test(token) || /\p{L}\.\p{L}/u.test(token)) {
    return !ABBREVIATION.test(token);
  }
  return /\p{Ll}\p{Lu}/u.test(token) || /^\p{Lu}{2,}$/u.test(token);
}
