const BOUNDARY = /[.!?…]+["'”’)\]]*\s+(?=[^\s\p{Ll}])/gu;
const LAST_WORD = /([\p{L}\p{N}.]+)$/u;
const ABBREVIATIONS = new Set([
  'abs.',
  'allg.',
  'approx.',
  'bspw.',
  'bzw.',
  'ca.',
  'cf.',
  'd.h.',
  'dr.',
  'e.g.',
  'eg.',
  'etc.',
  'evtl.',
  'fig.',
  'ggf.',
  'i.e.',
  'ie.',
  'incl.',
  'inkl.',
  'jr.',
  'mr.',
  'mrs.',
  'ms.',
  'no.',
  'nr.',
  'prof.',
  'sog.',
  'sr.',
  'st.',
  'u.a.',
  'usw.',
  'vgl.',
  'vs.',
  'z.b.',
  'zzgl.',
]);

/**
 * Splits prose into sentences at `.`, `!`, `?` or `…` followed by whitespace and a character
 * that is not a lowercase letter, except after common English and German abbreviations (German
 * nouns are capitalised, so "bzw. Domains" must not end a sentence) and single-letter initials. Newlines are kept inside sentences; split lines first where they matter.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const punctuationEnd = match.index + match[0].trimEnd().length;
    const candidate = text.slice(start, punctuationEnd);
    if (isAbbreviation(candidate)) {
      continue;
    }
    pushTrimmed(sentences, candidate);
    start = match.index + match[0].length;
  }
  pushTrimmed(sentences, text.slice(start));
  return sentences;
}

function isAbbreviation(sentence: string): boolean {
  const word = (LAST_WORD.exec(sentence)?.[1] ?? '').toLowerCase();
  return ABBREVIATIONS.has(word) || /^\p{L}\.$/u.test(word);
}

function pushTrimmed(sentences: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (trimmed.length > 0) {
    sentences.push(trimmed);
  }
}
