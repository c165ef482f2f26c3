import { Injectable } from '@nestjs/common';

import type { AnswerPassage } from '@deskpilot/contracts';
import { searchTerms, splitSentences } from '@deskpilot/text';

import { citedNumbers, withoutMarkers } from './citation-markers';

/** Sentences with fewer content words (greetings, sign-offs) make no claim to check. */
const MIN_CLAIM_TERMS = 4;
/** Share of a sentence's content words that its cited passages must contain. */
const SUPPORT_THRESHOLD = 0.5;

export interface SentenceCheck {
  readonly sentence: string;
  readonly cites: readonly number[];
  /** 0..1: share of the sentence's content words found in the passages it cites. */
  readonly support: number;
  readonly supported: boolean;
}

export interface GroundingReport {
  readonly sentences: readonly SentenceCheck[];
  readonly unsupported: readonly string[];
  /** Cited numbers that match no passage in the prompt. */
  readonly unknownCitations: readonly number[];
  /** 0..1, the mean support of the answer's claims; 0 when it makes none. */
  readonly confidence: number;
}

/**
 * Checks each sentence of an answer against the passages it cites: a claim is supported when
 * enough of its content words (stemmed, without stop words) occur in those passages. Uncited
 * claims and citations of passages that do not exist are unsupported.
 */
@Injectable()
export class GroundingChecker {
  check(answer: string, passages: readonly AnswerPassage[]): GroundingReport {
    const termsByIndex = new Map(
      passages.map((passage) => [
        passage.index,
        new Set(
          searchTerms(`${passage.documentTitle} ${passage.headingPath.join(' ')} ${passage.text}`),
        ),
      ]),
    );
    const unknown = new Set<number>();
    const sentences: SentenceCheck[] = [];
    for (const sentence of sentencesOf(answer)) {
      const terms = [...new Set(searchTerms(withoutMarkers(sentence)))];
      if (terms.length < MIN_CLAIM_TERMS) {
        continue;
      }
      const cites = citedNumbers(sentence);
      const known = new Set<string>();
      for (const index of cites) {
        const passageTerms = termsByIndex.get(index);
        if (passageTerms === undefined) {
          unknown.add(index);
        } else {
          passageTerms.forEach((term) => known.add(term));
        }
      }
      const support = terms.filter((term) => known.has(term)).length / terms.length;
      sentences.push({ sentence, cites, support, supported: support >= SUPPORT_THRESHOLD });
    }
    const confidence =
      sentences.length === 0
        ? 0
        : sentences.reduce((sum, check) => sum + Math.min(1, check.support / 0.8), 0) /
          sentences.length;
    return {
      sentences,
      unsupported: sentences.filter((check) => !check.supported).map((check) => check.sentence),
      unknownCitations: [...unknown],
      confidence: Math.round(confidence * 100) / 100,
    };
  }
}

/** Sentences of a Markdown answer: lines first (lists, paragraphs), then prose sentences. */
function sentencesOf(answer: string): string[] {
  return answer
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter((line) => line.length > 0)
    .flatMap((line) => splitSentences(line));
}
