import type { DraftFlags, SpellingCorrection } from '@deskpilot/contracts';

import { languageName } from './language-names';
import { wordList } from './word-list';

/**
 * How the knowledge base search read misspelt words, in words: `The search read “ngnix” as
 * “nginx”.` (the passages were found for the words as read).
 */
export function spellingNote(corrections: readonly SpellingCorrection[]): string {
  return `The search read ${wordList(corrections.map(({ typed, read }) => `“${typed}” as “${read}”`))}.`;
}

/**
 * What the search looked for besides or instead of the question (see `searchTranslationTarget`):
 * `The search looked for the question in English: “How do I move a domain?”`, or `The search
 * looked for the question as asked and in English: “…”` when it merged what both found.
 */
export function translationNote(translation: NonNullable<DraftFlags['searchTranslation']>): string {
  const how = translation.withQuestion === true ? 'as asked and in' : 'in';
  return `The search looked for the question ${how} ${languageName(translation.language)}: “${translation.query}”`;
}

/**
 * What the search looked for instead of a follow-up question, as the model rewrote it with the
 * conversation before: `The search looked for the follow-up as “How do I reset a webmail
 * password?”`.
 */
export function rewriteNote(rewrite: NonNullable<DraftFlags['searchRewrite']>): string {
  return `The search looked for the follow-up as “${rewrite.query}”`;
}
