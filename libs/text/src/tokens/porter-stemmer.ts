import { createRequire } from 'node:module';

type StemFunction = (word: string) => string;

// The package ships no type declarations; loading it through a typed require keeps an ambient
// module declaration out of every project that type-checks this library from source.
const porter2 = createRequire(__filename)('wink-porter2-stemmer') as StemFunction;
const LETTERS_ONLY = /^\p{Ll}+$/u;

/**
 * Porter2 (Snowball English) stem of a lowercase token. Tokens that are not purely letters
 * (`php8.1`, `ipv6`, `max_execution_time`) are identifiers and come back unchanged.
 */
export function stem(token: string): string {
  return LETTERS_ONLY.test(token) ? porter2(token) : token;
}
