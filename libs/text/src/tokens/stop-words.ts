/**
 * The languages whose words search reduces to their stems, named as PostgreSQL's text search
 * configurations are. Text in any other language is read as English.
 */
export const TEXT_LANGUAGES = ['english', 'german'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/**
 * English function words that carry no topic on their own (articles, pronouns, auxiliaries,
 * prepositions, conjunctions, question words), in the form `tokenize` produces them.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `
  a about above after again against all also am an and any are arent as at be because been
  before being below between both but by can cannot cant could couldnt did didnt do does doesnt
  doing dont down during each either else etc ever every few for from further had hadnt has
  hasnt have havent having he her here hers herself him himself his how i if im in into is
  isnt it its itself ive just let lets may me might more most must mustnt my myself no nor not
  of off often on once only or other ought our ours ourselves out over own please same shall she
  should shouldnt so some such than that the their theirs them themselves then there these they
  this those through to too under until up upon us very was wasnt we were werent what when where
  whether which while who whom whose why will with within without wont would wouldnt yet you
  youd youll your youre yours yourself yourselves youve
`
    .trim()
    .split(/\s+/u),
);

/**
 * German function words (articles, pronouns, auxiliaries, prepositions, conjunctions, question
 * words), in the form `tokenize` produces them.
 */
export const GERMAN_STOP_WORDS: ReadonlySet<string> = new Set(
  `
  aber alle allem allen aller alles als also am an auch auf aus bei beim bin bis bist bitte bzw
  da dabei dafür daher damit dann daran darauf darf das dass davon dazu dein deine deinem deinen
  deiner deines dem den denen denn der deren des dessen dich die dies diese diesem diesen dieser
  dieses dir doch dort du durch ein eine einem einen einer eines er es etwa euch euer eure euren
  eurer für gegen habe haben hast hat hatte hier hierzu ich ihm ihn ihnen ihr ihre ihrem ihren
  ihrer ihres im in ins ist jede jedem jeden jeder jedes kann kannst kein keine keinem keinen
  keiner können könnte man mehr mein meine meinem meinen meiner meines mich mir mit muss müssen
  nach nicht noch nur ob oder ohne schon sehr sein seine seinem seinen seiner seines sich sie
  sind so soll sollen sollte sondern sowie um und uns unser unsere unserem unseren unserer
  unseres unter usw vom von vor war waren warum was weil welche welchem welchen welcher welches
  wem wen wenn wer werde werden wie wieso wir wird wo woher wohin wurde wurden zu zum zur
  zwischen über
`
    .trim()
    .split(/\s+/u),
);

const STOP_WORDS: Readonly<Record<TextLanguage, ReadonlySet<string>>> = {
  english: ENGLISH_STOP_WORDS,
  german: GERMAN_STOP_WORDS,
};

/** True when `token` (lowercase, as produced by `tokenize`) is a stop word of `language`. */
export function isStopWord(token: string, language: TextLanguage = 'english'): boolean {
  return STOP_WORDS[language].has(token);
}
