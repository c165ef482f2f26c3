const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does doing for from had has have how i ' +
    'if in into is it its me my no not of on or our please should so than that the their them ' +
    'then there these they this to up us was we were what when where which who why will with ' +
    'would you your yours about after before also any just more most only other some such very ' +
    'answer question customer passage passages knowledge base using use'
  ).split(' '),
);

/** Crude suffix stripping so that "restarting", "restarted" and "restarts" meet as "restart". */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) {
    return word.slice(0, -3);
  }
  if (word.length > 4 && word.endsWith('ed')) {
    return word.slice(0, -2);
  }
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) {
    return word.slice(0, -1);
  }
  return word;
}

/** The content words of a text, lower-cased and stemmed, without stopwords. */
export function termsOf(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((word) => word.length > 1 && !STOPWORDS.has(word)).map(stem);
}

/** How many distinct terms of the query occur in the text. */
export function overlap(queryTerms: ReadonlySet<string>, text: string): number {
  const textTerms = new Set(termsOf(text));
  let shared = 0;
  for (const term of queryTerms) {
    if (textTerms.has(term)) {
      shared += 1;
    }
  }
  return shared;
}

/** A stable 32-bit FNV-1a hash, for choices that must not change between runs. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
