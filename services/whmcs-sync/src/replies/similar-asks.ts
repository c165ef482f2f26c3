import { Bm25Index, detectLanguage, searchTerms } from '@deskpilot/text';

/** What a ticket asks: its subject and the customer message a reply answers. */
export interface Ask {
  readonly subject: string;
  readonly question: string;
}

/** An earlier ask with the id of the reply sent to it. */
export interface AnsweredAsk extends Ask {
  readonly replyId: string;
}

/** Content words an earlier ticket must share with this one to count as alike. */
const MIN_SHARED_TERMS = 2;
/** Alike enough: at least this share of the best match's score. */
const BEST_SHARE = 0.5;

/** The subject counts twice: it names the topic, the message adds greetings and details. */
function textOf(ask: Ask): string {
  return `${ask.subject}\n${ask.subject}\n${ask.question}`;
}

/**
 * The replies to the earlier asks most like `ask`, most alike first, at most `limit`: ranked by
 * BM25 over the asks' stemmed content words, keeping those whose subject shares a word with
 * `ask`'s subject (the subjects name the topics; a message may mention an invoice in passing),
 * that share at least two words in all and score at least half the best one. Words are stemmed
 * in `ask`'s language (English when it does not show one). `earlier` is newest first; of two
 * asks scored alike, the newer reply comes first.
 */
export function mostAlike(ask: Ask, earlier: readonly AnsweredAsk[], limit: number): string[] {
  const language = detectLanguage(textOf(ask)) ?? 'english';
  const searchTermsOf = (text: string): string[] => searchTerms(text, language);
  const index = new Bm25Index({ k1: 0.9, b: 0.4, tokenize: searchTermsOf });
  for (const candidate of [...earlier].reverse()) {
    index.add(candidate.replyId, textOf(candidate));
  }
  const terms = new Set(searchTermsOf(textOf(ask)));
  const subjectTerms = new Set(searchTermsOf(ask.subject));
  const byId = new Map(earlier.map((candidate) => [candidate.replyId, candidate]));
  const alike = (replyId: string): boolean => {
    const candidate = byId.get(replyId);
    if (candidate === undefined) {
      return false;
    }
    const shared = new Set(searchTermsOf(textOf(candidate)).filter((term) => terms.has(term)));
    return (
      shared.size >= MIN_SHARED_TERMS &&
      searchTermsOf(candidate.subject).some((term) => subjectTerms.has(term))
    );
  };
  const hits = index.search(textOf(ask), limit * 4);
  const best = hits[0]?.score ?? 0;
  return hits
    .filter((hit) => hit.score >= best * BEST_SHARE && alike(hit.id))
    .slice(0, limit)
    .map((hit) => hit.id);
}
