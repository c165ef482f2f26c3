import { createRequire } from 'node:module';

type StemFunction = (word: string) => string;

// The package ships no type declarations; loading it through a typed require keeps an ambient
// module declaration out of every project that type-checks this library from source.
const porter2 = createRequire(__filename)('wink-porter2-stemmer') as StemFunction;
const LETTERS_ONLY = /^\p{Ll}+$/u;

/**
 * Stems already computed. A knowledge base's vocabulary is a few tens of thousands of words, and
 * every answer's grounding check and every query stem the same ones again; emptied when full.
 */
const STEM_CACHE_LIMIT = 50_000;
const stems = new Map<string, string>();

/**
 * Porter2 (Snowball English) stem of a lowercase token. Tokens that are not purely letters
 * (`php8.1`, `ipv6`, `max_execution_time`) are identifiers and come back unchanged.
 */
export function stem(token: string): string {
  if (!LETTERS_ONLY.test(token)) {
    return token;
  }
  let stemmed = stems.get(token);
  if (stemmed === undefined) {
    stemmed = porter2(token);
    if (stems.size >= STEM_CACHE_LIMIT) {
      stems.clear();
    }
    stems.set(token, stemmed);
  }
  return stemmed;
}
