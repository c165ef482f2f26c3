/**
 * The languages whose words search reduces to their stems, named as PostgreSQL's text search
 * configurations are. Text in any other language is read as English.
 */
export const TEXT_LANGUAGES = [
  'english',
  'german',
  'french',
  'spanish',
  'italian',
  'portuguese',
  'dutch',
] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/**
 * English function words that carry no topic on their own (articles, pronouns, auxiliaries,
 * prepositions, conjunctions, question words), in the form `tokenize` produces them.
 */
const ENGLISH_STOP_WORDS: ReadonlySet<string> = words(
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
`,
);

/**
 * German function words (articles, pronouns, auxiliaries, prepositions, conjunctions, question
 * words), in the form `tokenize` produces them.
 */
const GERMAN_STOP_WORDS: ReadonlySet<string> = words(
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
`,
);

/**
 * French function words. Elided forms are their own tokens (`l'adresse` is `l` and `adresse`).
 */
const FRENCH_STOP_WORDS: ReadonlySet<string> = words(`
  a ai aie aient ait alors as au aucun aucune aussi autre aux avaient avais avait avec avez
  avions avons avoir c ça car ce ceci cela celle celles celui ces cet cette chaque comme comment
  d dans de des doit dois donc dont du elle elles en encore entre es est et était étaient étais
  été être eu faut il ils j je jusqu l la le les leur leurs lorsqu lui m ma mais me même mes moi
  mon n ne ni nos notre nous on ont ou où par parce pas peu peut peuvent peux plus pour pourquoi
  pouvez puis puisqu qu quand que quel quelle quelles quels qui quoi s sa sans se sera serait ses
  si sommes son sont sous suis sur t ta te tes toi ton tous tout toute toutes très tu un une vos
  votre vous y
`);

/** Spanish function words. */
const SPANISH_STOP_WORDS: ReadonlySet<string> = words(`
  a al algo algún alguna algunas alguno algunos ante antes cada como cómo con contra cual cuál
  cuales cuáles cuando cuándo cuánto de del desde donde dónde durante e el él ella ellas ellos
  en entre era eran eres es esa esas ese eso esos esta está están estar estas este esto estos
  estoy fue fueron ha han has hasta hay he la las le les lo los me mi mis mí mucho muy más nada
  ni no nos nosotros nuestra nuestro o os otra otro para pero poco por porque puede pueden puedo
  qué que quien quién se sea ser si sí sin sobre somos son soy su sus también tan te tengo tiene
  tienen todo todos tu tú tus un una uno unos usted ustedes y ya yo
`);

/**
 * Italian function words. Elided forms are their own tokens (`dell'account` is `dell` and
 * `account`).
 */
const ITALIAN_STOP_WORDS: ReadonlySet<string> = words(`
  a ad agli ai al all alla alle allo anche avete c che chi ci come con cosa cui d da dagli dai
  dal dall dalla dalle degli dei del dell della delle dello di dopo dove e è ed era erano gli
  ha hai hanno ho i il in io l la le lei li lo loro lui ma me mi mia mie miei mio ne negli nei
  nel nell nella nelle noi non nostra nostro o ogni per perché più poi posso può possono qual
  quale quali quando quanto quella quelle quelli quello quest questa queste questi questo se sei
  si sia siamo siete sono su sua sue sui sul sull sulla suo suoi ti tra tu tua tue tuo tutti
  tutto un una uno vi voi vostra vostro
`);

/** Portuguese function words, European and Brazilian. */
const PORTUGUESE_STOP_WORDS: ReadonlySet<string> = words(`
  a à ao aos após aquela aquele aquilo as às até com como da das de dela dele deles desde do dos e é
  ela elas ele eles em entre era essa essas esse esses esta está estão estas este estes eu foi foram
  há isso isto já lhe lhes mais mas me meu meus minha minhas muito na nas não nem no nos nós num
  numa o os ou para pela pelas pelo pelos pode podem por porque posso qual quando que quem se
  sem ser seu seus sua suas são também te tem têm tenho teu tua um uma umas uns você vocês
`);

/** Dutch function words. */
const DUTCH_STOP_WORDS: ReadonlySet<string> = words(`
  aan al alle als ben bent bij dan dat de deze die dit door doet een en er geen had heb hebben
  heeft hem het hier hij hoe hun ik in is je jij jou jouw kan kunnen kunt maar me mee meer met
  mij mijn moet moeten na naar niet niets nog nu of om omdat ons onze ook op over te tegen tot u
  uit uw van veel voor waar waarom wanneer wat we welk welke werd wie wij wil word worden wordt
  zal ze zelf zich zij zijn zo zou
`);

function words(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/u));
}

const STOP_WORDS: Readonly<Record<TextLanguage, ReadonlySet<string>>> = {
  english: ENGLISH_STOP_WORDS,
  german: GERMAN_STOP_WORDS,
  french: FRENCH_STOP_WORDS,
  spanish: SPANISH_STOP_WORDS,
  italian: ITALIAN_STOP_WORDS,
  portuguese: PORTUGUESE_STOP_WORDS,
  dutch: DUTCH_STOP_WORDS,
};

/** The stop words of `language`, in the form `tokenize` produces them. */
export function stopWords(language: TextLanguage): ReadonlySet<string> {
  return STOP_WORDS[language];
}

/** True when `token` (lowercase, as produced by `tokenize`) is a stop word of `language`. */
export function isStopWord(token: string, language: TextLanguage = 'english'): boolean {
  return STOP_WORDS[language].has(token);
}
