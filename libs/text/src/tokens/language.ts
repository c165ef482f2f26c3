import { ENGLISH_STOP_WORDS } from './stop-words';
import { tokenize } from './word-tokenizer';

/**
 * The languages whose words search reduces to their stems, named as PostgreSQL's text search
 * configurations are. Text in any other language is read as English.
 */
export const TEXT_LANGUAGES = ['english', 'german'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/**
 * German function words (articles, pronouns, auxiliaries, prepositions, conjunctions, question
 * words), in the form `tokenize` produces them. Only their share against the English ones
 * matters, so words both languages write alike ("in", "an", "was") count for neither.
 */
const GERMAN_STOP_WORDS: ReadonlySet<string> = new Set(
  `
  aber alle allem allen aller alles als also am an auch auf aus bei beim bin bis bist bitte da
  damit dann darf das dass dein deine dem den denn der des dich die dies diese diesem diesen
  dieser dieses dir doch dort du durch ein eine einem einen einer eines er es euch euer eure
  für gegen habe haben hast hat hatte hier ich ihm ihn ihnen ihr ihre im in ins ist jede jedem
  jeden jeder jedes kann kannst kein keine keinem keinen keiner können könnte man mein meine
  meinem meinen meiner mich mir mit muss müssen nach nicht noch nur ob oder ohne sein seine
  sich sie sind so soll sollen sollte über um und uns unser unsere unter vom von vor war waren
  warum was weil welche welchem welchen welcher welches wenn wer werde werden wie wieso wir
  wird wo woher wohin wurde wurden zu zum zur zwischen
`
    .trim()
    .split(/\s+/u),
);

/** Function words a text needs, at least, before its language is told from them. */
const MIN_EVIDENCE = 2;
/* Longer texts are told by their opening: a knowledge base article does not change language. */
const MAX_TOKENS = 2_000;

/**
 * The language of `text` told from its function words: the one with at least twice as many as
 * the other, and at least two of them; `undefined` when the text does not say (a few keywords,
 * a product name, an even mix).
 */
export function detectLanguage(text: string): TextLanguage | undefined {
  let english = 0;
  let german = 0;
  for (const token of tokenize(text).slice(0, MAX_TOKENS)) {
    const inEnglish = ENGLISH_STOP_WORDS.has(token);
    const inGerman = GERMAN_STOP_WORDS.has(token);
    if (inEnglish && !inGerman) {
      english += 1;
    } else if (inGerman && !inEnglish) {
      german += 1;
    }
  }
  if (Math.max(english, german) < MIN_EVIDENCE) {
    return undefined;
  }
  if (german >= 2 * english) {
    return 'german';
  }
  return english >= 2 * german ? 'english' : undefined;
}
