const BOUNDARY = /[.!?…]+["'”’)\]]*\s+(?=[^\s\p{Ll}])/gu;
const LAST_WORD = /([\p{L}\p{N}.]+)$/u;
const ABBREVIATIONS = new Set([
  'abs.',
  'allg.',
  'approx.',
  'aprox.',
  'bijv.',
  'bspw.',
  'bv.',
  'bzw.',
  'ca.',
  'cf.',
  'd.h.',
  'd.w.z.',
  'dhr.',
  'dr.',
  'e.g.',
  'ecc.',
  'eg.',
  'ej.',
  'env.',
  'enz.',
  'etc.',
  'evtl.',
  'ex.',
  'fig.',
  'ggf.',
  'i.e.',
  'i.p.v.',
  'ie.',
  'incl.',
  'inkl.',
  'jr.',
  'm.b.t.',
  'mevr.',
  'mme.',
  'mr.',
  'mrs.',
  'ms.',
  'no.',
  'nr.',
  'núm.',
  'o.a.',
  'prof.',
  'pág.',
  'sig.',
  'sog.',
  'sr.',
  'sra.',
  'st.',
  'u.a.',
  'usw.',
  'vd.',
  'vgl.',
  'vs.',
  'z.b.',
  'z.n.',
  'zzgl.',
]);

/**
 * Splits prose into sentences at `.`, `!`, `?` or `…` followed by whitespace and a character
 * that is not a lowercase letter, except after common abbreviations of the languages search reads
 * (German nouns are capitalised, so "bzw. Domains" must not end a sentence; "p. ex. Le", "bijv.
 * De") and single-letter initials. Newlines are kept inside sentences; split lines first where they matter.
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
