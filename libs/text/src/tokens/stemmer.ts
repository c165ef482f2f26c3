import { createRequire } from 'node:module';

import type { TextLanguage } from './stop-words';

type StemFunction = (word: string) => string;

interface SnowballStemmers {
  newStemmer(language: string): { stem(word: string): string };
}

// Neither package ships type declarations; loading them through a typed require keeps an ambient
// module declaration out of every project that type-checks this library from source.
const load = createRequire(__filename);
const STEMMERS: Readonly<Record<TextLanguage, StemFunction>> = {
  english: load('wink-porter2-stemmer') as StemFunction,
  german: germanStemmer(),
};
const LETTERS_ONLY = /^\p{Ll}+$/u;

function germanStemmer(): StemFunction {
  const stemmer = (load('snowball-stemmers') as SnowballStemmers).newStemmer('german');
  return (word) => stemmer.stem(word);
}

/**
 * Stems already computed, per language. A knowledge base's vocabulary is a few tens of thousands
 * of words, and every answer's grounding check and every query stem the same ones again; emptied
 * when full.
 */
const STEM_CACHE_LIMIT = 50_000;
const caches: Readonly<Record<TextLanguage, Map<string, string>>> = {
  english: new Map(),
  german: new Map(),
};

/**
 * The Snowball stem of a lowercase token in `language` (Porter2 for English), as PostgreSQL's
 * configuration of that language stems it. Tokens that are not purely letters (`php8.1`, `ipv6`,
 * `max_execution_time`) are identifiers and come back unchanged.
 */
export function stem(token: string, language: TextLanguage = 'english'): string {
  if (!LETTERS_ONLY.test(token)) {
    return token;
  }
  const stems = caches[language];
  let stemmed = stems.get(token);
  if (stemmed === undefined) {
    stemmed = STEMMERS[language](token);
    if (stems.size >= STEM_CACHE_LIMIT) {
      stems.clear();
    }
    stems.set(token, stemmed);
  }
  return stemmed;
}
