import { createRequire } from 'node:module';

import type { TextLanguage } from './stop-words';

type StemFunction = (word: string) => string;

interface SnowballStemmers {
  newStemmer(language: string): { stem(word: string): string };
}

/**
 * Stems already computed are kept, per language. A knowledge base's vocabulary is a few tens of
 * thousands of words, and every answer's grounding check and every query stem the same ones
 * again; emptied when full.
 */
const STEM_CACHE_LIMIT = 50_000;

// Neither package ships type declarations; loading them through a typed require keeps an ambient
// module declaration out of every project that type-checks this library from source.
const load = createRequire(__filename);
const STEMMERS: Readonly<Record<TextLanguage, StemFunction>> = {
  english: cached(load('wink-porter2-stemmer') as StemFunction),
  german: snowballStemmer('german'),
  french: snowballStemmer('french'),
  spanish: snowballStemmer('spanish'),
  italian: snowballStemmer('italian'),
  portuguese: snowballStemmer('portuguese'),
  dutch: snowballStemmer('dutch'),
};
const LETTERS_ONLY = /^\p{Ll}+$/u;

function snowballStemmer(language: TextLanguage): StemFunction {
  const stemmer = (load('snowball-stemmers') as SnowballStemmers).newStemmer(language);
  return cached((word) => stemmer.stem(word));
}

function cached(stemOf: StemFunction): StemFunction {
  const stems = new Map<string, string>();
  return (word) => {
    let stemmed = stems.get(word);
    if (stemmed === undefined) {
      stemmed = stemOf(word);
      if (stems.size >= STEM_CACHE_LIMIT) {
        stems.clear();
      }
      stems.set(word, stemmed);
    }
    return stemmed;
  };
}

/**
 * The Snowball stem of a lowercase token in `language` (Porter2 for English), as PostgreSQL's
 * configuration of that language stems it. Tokens that are not purely letters (`php8.1`, `ipv6`,
 * `max_execution_time`) are identifiers and come back unchanged.
 */
export function stem(token: string, language: TextLanguage = 'english'): string {
  return LETTERS_ONLY.test(token) ? STEMMERS[language](token) : token;
}
