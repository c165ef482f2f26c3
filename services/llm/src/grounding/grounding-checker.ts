import { Injectable } from '@nestjs/common';

import type { AnswerPassage, SpellingCorrection } from '@deskpilot/contracts';
import type { TextLanguage } from '@deskpilot/text';
import { detectLanguage, searchTerms, splitSentences } from '@deskpilot/text';

import { retrievalEvidence } from '../common/retrieval-evidence';
import { anchorTerms } from './anchor-terms';
import { citedNumbers, withoutMarkers } from './citation-markers';

/** Sentences with fewer content words (greetings, sign-offs) make no claim to check. */
const MIN_CLAIM_TERMS = 4;
/** Share of a sentence's content words that its cited passages must contain. */
const SUPPORT_THRESHOLD = 0.5;
/** Share of the question's topic (by weight) that cited passages need for full confidence. */
const FULL_COVERAGE = 0.75;
/** How far the cited documents must lead the best one left out for full confidence. */
const FULL_LEAD = 0.5;

export interface SentenceCheck {
  readonly sentence: string;
  readonly cites: readonly number[];
  /**
   * 0..1: share of the sentence's content words found in the passages it cites; for passages in
   * another language, share of its numbers, addresses and names (1 when it has none).
   */
  readonly support: number;
  readonly supported: boolean;
  /** The sentence cites passages in another language only, so was compared by what it names. */
  readonly acrossLanguages: boolean;
}

/** The answer's language and the others of passages its sentences were compared with. */
export interface CrossLanguage {
  readonly answer: TextLanguage;
  readonly passages: TextLanguage[];
}

export interface GroundingReport {
  readonly sentences: readonly SentenceCheck[];
  readonly unsupported: readonly string[];
  /** Set when sentences cite passages in another language only (see `SentenceCheck`). */
  readonly crossLanguage: CrossLanguage | null;
  /** Cited numbers that match no passage in the prompt. */
  readonly unknownCitations: readonly number[];
  /**
   * 0..1, the share of the question's topic that the cited passages speak of (weighted by how
   * few of the prompt's passages contain each word); null when no topic was given, it has no
   * content words, or the cited passages are all in another language than the topic.
   */
  readonly coverage: number | null;
  /**
   * 0..1, how far retrieval put the cited documents ahead of the best document the answer left
   * out: `1 - its score / the best cited document's`; 1 when no document was left out, null when
   * the answer cites no passage or the passages carry no retrieval score.
   */
  readonly lead: number | null;
  /** The best-scored passage of a document the answer does not cite, when it has a lead. */
  readonly bestLeftOut: AnswerPassage | null;
  /**
   * 0..1, the mean support of the answer's claims, lowered when the cited passages cover less
   * than three quarters of the question's topic and when the cited documents lead the best one
   * left out by less than half; 0 when the answer makes no claim.
   */
  readonly confidence: number;
}

/**
 * Checks each sentence of an answer against the passages it cites: a claim is supported when
 * enough of its content words (stemmed, without stop words, in the answer's language) occur in
 * those passages. Uncited
 * claims and citations of passages that do not exist are unsupported.
 *
 * The model answers in the customer's language, also from passages in another (a German ticket,
 * English manuals), and then the two share hardly a word. A sentence that cites passages in
 * other languages only is compared by what translation keeps: each number, address and product
 * name it states must be in those passages; one that states none is taken at its citation.
 *
 * An answer can stick to its passages and still miss the question: an extract quotes passages
 * word for word whether or not they are about it. So the confidence also asks how much of the
 * question's topic (`topic`: a ticket's subject, a chat question) the cited passages speak of.
 * A topic word that few of the prompt's passages contain weighs more: a word no passage has
 * ("Magento" against a knowledge base without it) says the question is about something the
 * knowledge base lacks, and one that every passage has ("website") says little.
 *
 * And it asks whether the answer rests on what retrieval found best by a clear lead: when a
 * document the answer does not cite scored about as high as those it cites, the question may be
 * about that other one (two articles on the same product, a question that fits several).
 */
@Injectable()
export class GroundingChecker {
  check(answer: string, passages: readonly AnswerPassage[], topic?: string): GroundingReport {
    // Every text is reduced to the terms of the answer's language, so that German passages and a
    // German answer meet at German stems.
    const language = detectLanguage(answer) ?? 'english';
    const read = new Map(
      passages.map((passage): [number, ReadPassage] => [
        passage.index,
        {
          passage,
          language: detectLanguage(passage.text) ?? language,
          terms: new Set(
            searchTerms(
              `${passage.documentTitle} ${passage.headingPath.join(' ')} ${passage.text}`,
              language,
            ),
          ),
        },
      ]),
    );
    const sentences = sentencesOf(answer).flatMap((sentence) => {
      const check = checkSentence(sentence, read, language);
      return check === undefined ? [] : [check];
    });
    const unknown = new Set(
      sentences.flatMap((check) => check.cites.filter((index) => !read.has(index))),
    );
    const otherLanguages = new Set(
      sentences
        .filter((check) => check.acrossLanguages)
        .flatMap((check) => check.cites.flatMap((index) => read.get(index)?.language ?? [])),
    );
    const grounded =
      sentences.length === 0
        ? 0
        : sentences.reduce((sum, check) => sum + Math.min(1, check.support / 0.8), 0) /
          sentences.length;
    const coverage =
      topic === undefined || topicAcrossLanguages(topic, citedNumbers(answer), read, language)
        ? null
        : topicCoverage(topic, termsByIndex(read), citedNumbers(answer), language);
    const { lead, bestLeftOut } = sourceLead(passages, citedNumbers(answer));
    const confidence =
      grounded *
      Math.min(1, (coverage ?? 1) / FULL_COVERAGE) *
      Math.min(1, (lead ?? 1) / FULL_LEAD);
    return {
      sentences,
      unsupported: sentences.filter((check) => !check.supported).map((check) => check.sentence),
      crossLanguage:
        otherLanguages.size === 0 ? null : { answer: language, passages: [...otherLanguages] },
      unknownCitations: [...unknown],
      coverage: coverage === null ? null : Math.round(coverage * 100) / 100,
      lead: lead === null ? null : Math.round(lead * 100) / 100,
      bestLeftOut,
      confidence: Math.round(confidence * 100) / 100,
    };
  }
}

/**
 * What a question is about, for the grounding check: a ticket's subject, unless it has fewer
 * than two topic words ("Question", "Help!"), else the question itself; with the words the
 * search read as others as it read them, so a misspelling ("rebot") is not taken for a topic
 * that no passage speaks of.
 */
export function questionTopic(
  question: string,
  subject?: string,
  corrections: readonly SpellingCorrection[] = [],
): string {
  const topic = subject !== undefined && topicWords(subject).length >= 2 ? subject : question;
  return corrections.reduce(
    (text, { typed, read }) => text.replace(wholeWord(typed), () => read),
    topic,
  );
}

/** Every occurrence of `word` not inside another word, in any case. */
function wholeWord(word: string): RegExp {
  const literal = word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${literal}(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * A text's content words (stemmed, without stop words), each once. Numbers and words with a dot
 * (order and invoice numbers, domains, IP addresses) name the customer's case, not its topic,
 * and are left out; "2FA" or "IPv6" stay.
 */
function topicWords(text: string, language: TextLanguage = 'english'): string[] {
  return [...new Set(searchTerms(text, language))].filter((term) => !/^\d+$|\./u.test(term));
}

/**
 * The weighted share of the topic's words found in the cited passages. A word weighs
 * `ln(1 + n / (1 + passages containing it))` over the prompt's `n` passages.
 */
function topicCoverage(
  topic: string,
  termsByIndex: ReadonlyMap<number, ReadonlySet<string>>,
  cited: readonly number[],
  language: TextLanguage,
): number | null {
  const words = topicWords(topic, language);
  const passages = [...termsByIndex.values()];
  let total = 0;
  let covered = 0;
  for (const word of words) {
    const weight = Math.log(
      1 + passages.length / (1 + passages.filter((terms) => terms.has(word)).length),
    );
    total += weight;
    if (cited.some((index) => termsByIndex.get(index)?.has(word) === true)) {
      covered += weight;
    }
  }
  return total === 0 ? null : covered / total;
}

/** A passage of the prompt as the check reads it. */
interface ReadPassage {
  readonly passage: AnswerPassage;
  /** Told from its text; the answer's when it does not say. */
  readonly language: TextLanguage;
  /** Its title, headings and text as terms of the answer's language. */
  readonly terms: ReadonlySet<string>;
}

/**
 * One sentence against the passages it cites (see `GroundingChecker`); undefined for a sentence
 * with too few content words to make a claim.
 */
function checkSentence(
  sentence: string,
  read: ReadonlyMap<number, ReadPassage>,
  language: TextLanguage,
): SentenceCheck | undefined {
  const claim = withoutMarkers(sentence);
  const terms = [...new Set(searchTerms(claim, language))];
  if (terms.length < MIN_CLAIM_TERMS) {
    return undefined;
  }
  const cites = citedNumbers(sentence);
  const cited = cites.flatMap((index) => read.get(index) ?? []);
  const acrossLanguages =
    cited.length > 0 && cited.every((passage) => passage.language !== language);
  let support: number;
  if (acrossLanguages) {
    support = anchorSupport(
      claim,
      cited.map(({ passage }) => passage),
    );
  } else {
    const known = new Set(cited.flatMap((passage) => [...passage.terms]));
    support = terms.filter((term) => known.has(term)).length / terms.length;
  }
  return { sentence, cites, support, supported: support >= SUPPORT_THRESHOLD, acrossLanguages };
}

/** The cited passages are all in another language than the topic, so share no words to weigh. */
function topicAcrossLanguages(
  topic: string,
  cites: readonly number[],
  read: ReadonlyMap<number, ReadPassage>,
  language: TextLanguage,
): boolean {
  const topicLanguage = detectLanguage(topic) ?? language;
  const cited = cites.flatMap((index) => read.get(index) ?? []);
  return cited.length > 0 && cited.every((passage) => passage.language !== topicLanguage);
}

function termsByIndex(
  read: ReadonlyMap<number, ReadPassage>,
): ReadonlyMap<number, ReadonlySet<string>> {
  return new Map([...read].map(([index, passage]) => [index, passage.terms]));
}

/**
 * The share of a claim's numbers, addresses and names that the passages it cites contain; 1 for
 * a claim that names none, which a passage in another language can neither back nor contradict.
 */
function anchorSupport(claim: string, cited: readonly AnswerPassage[]): number {
  const anchors = anchorTerms(claim);
  if (anchors.length === 0) {
    return 1;
  }
  const text = cited
    .map((passage) => [passage.documentTitle, ...passage.headingPath, passage.text].join('\n'))
    .join('\n');
  return anchors.filter((anchor) => wholeWord(anchor).test(text)).length / anchors.length;
}

/**
 * `1 - best score of a document not cited / best score of a cited document` by retrieval's
 * evidence, and the passage behind the first.
 */
function sourceLead(
  passages: readonly AnswerPassage[],
  cited: readonly number[],
): { lead: number | null; bestLeftOut: AnswerPassage | null } {
  const evidence = retrievalEvidence(passages);
  const citedDocuments = new Set(
    passages
      .filter((passage) => cited.includes(passage.index))
      .map((passage) => passage.documentId),
  );
  if (evidence === undefined || citedDocuments.size === 0) {
    return { lead: null, bestLeftOut: null };
  }
  let bestCited = 0;
  let bestLeftOut: AnswerPassage | null = null;
  for (const passage of passages) {
    if (citedDocuments.has(passage.documentId)) {
      bestCited = Math.max(bestCited, evidence(passage));
    } else if (
      evidence(passage) > 0 &&
      evidence(passage) > (bestLeftOut ? evidence(bestLeftOut) : 0)
    ) {
      bestLeftOut = passage;
    }
  }
  if (bestLeftOut === null) {
    return { lead: 1, bestLeftOut };
  }
  const lead = bestCited <= 0 ? 0 : Math.max(0, 1 - evidence(bestLeftOut) / bestCited);
  return { lead, bestLeftOut };
}

/** Sentences of a Markdown answer: lines first (lists, paragraphs), then prose sentences. */
function sentencesOf(answer: string): string[] {
  return answer
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter((line) => line.length > 0)
    .flatMap((line) => splitSentences(line));
}
