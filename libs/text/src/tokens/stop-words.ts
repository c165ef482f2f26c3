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

/** True when `token` (lowercase, as produced by `tokenize`) is an English stop word. */
export function isStopWord(token: string): boolean {
  return ENGLISH_STOP_WORDS.has(token);
}
