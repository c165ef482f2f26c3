import { overlap, termsOf } from '../text/terms';
import type { ParsedPrompt, Passage } from './prompt-parser';

export interface GroundedAnswerOptions {
  /** How many passages an answer cites at most. */
  readonly maxPassages: number;
  /** How many sentences are quoted from each cited passage at most. */
  readonly maxSentencesPerPassage: number;
  /** Said when no passage shares a word with the question. */
  readonly noAnswerText: string;
}

export interface GroundedAnswer {
  readonly text: string;
  /** Passage numbers cited, in the order they appear in the answer. */
  readonly citations: readonly number[];
}

export const DEFAULT_GROUNDED_ANSWER_OPTIONS: GroundedAnswerOptions = {
  maxPassages: 2,
  maxSentencesPerPassage: 2,
  noAnswerText:
    "I couldn't find this in the knowledge base, so I can't answer it reliably. " +
    'Please escalate the ticket to a human agent.',
};

interface Scored<T> {
  readonly item: T;
  readonly score: number;
  readonly position: number;
}

/**
 * Answers from the passages alone: ranks them by how many question words they share, then quotes
 * the best-matching sentences of the top passages, each followed by its citation `[n]`.
 */
export class GroundedAnswerGenerator {
  constructor(private readonly options: GroundedAnswerOptions = DEFAULT_GROUNDED_ANSWER_OPTIONS) {}

  /**
   * A prompt without passages is a task on its question alone (rewrite it, translate it) rather
   * than a question to answer from sources: the answer is the question as it is, what a model
   * gives for a question that needs no change.
   */
  answer(prompt: ParsedPrompt): GroundedAnswer {
    if (prompt.passages.length === 0 && prompt.question.trim() !== '') {
      return { text: prompt.question.trim(), citations: [] };
    }
    const questionTerms = new Set(termsOf(prompt.question));
    const chosen = this.choosePassages(prompt.passages, questionTerms);
    if (chosen.length === 0) {
      return { text: this.options.noAnswerText, citations: [] };
    }
    const sentences = chosen.flatMap((passage) =>
      this.chooseSentences(passage.text, questionTerms).map((sentence) =>
        cite(sentence, passage.number),
      ),
    );
    return { text: sentences.join(' '), citations: chosen.map((passage) => passage.number) };
  }

  private choosePassages(passages: readonly Passage[], questionTerms: Set<string>): Passage[] {
    if (questionTerms.size === 0) {
      return passages.slice(0, 1);
    }
    return best(
      passages.map((item, position) => ({
        item,
        position,
        score: overlap(questionTerms, item.text),
      })),
      this.options.maxPassages,
    );
  }

  private chooseSentences(text: string, questionTerms: Set<string>): string[] {
    const sentences = splitSentences(text);
    const scored = sentences.map((item, position) => ({
      item,
      position,
      score: overlap(questionTerms, item),
    }));
    const chosen = best(scored, this.options.maxSentencesPerPassage);
    const fallback = sentences.slice(0, 1);
    return chosen.length > 0 ? sentences.filter((sentence) => chosen.includes(sentence)) : fallback;
  }
}

/** The items with a positive score, best first (earlier wins ties), at most `limit`. */
function best<T>(scored: Scored<T>[], limit: number): T[] {
  return scored
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, limit)
    .map((entry) => entry.item);
}

/** Splits at `.`, `!` or `?` followed by whitespace, so "conf.d" or "v1.2" stay whole. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** Puts the citation before the closing punctuation: "Restart Apache in WHM [1]." */
export function cite(sentence: string, passageNumber: number): string {
  const match = /^(.*?)([.!?]+)$/.exec(sentence);
  const body = match?.[1] ?? sentence;
  const ending = match?.[2] ?? '.';
  return `${body} [${passageNumber}]${ending}`;
}
