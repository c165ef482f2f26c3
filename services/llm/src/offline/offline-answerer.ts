import { Injectable } from '@nestjs/common';

import type { AnswerPassage } from '@deskpilot/contracts';
import type { TextLanguage } from '@deskpilot/text';
import { detectLanguage, searchTerms, splitSentences } from '@deskpilot/text';

import { retrievalEvidence } from '../common/retrieval-evidence';

export const OFFLINE_MODEL = 'offline/extractive';

const MAX_PASSAGES = 2;
const MAX_SENTENCES_PER_PASSAGE = 2;
/** A second passage is quoted only when retrieval found it at least this share as relevant. */
const RELEVANCE_SHARE = 0.5;

export const NO_ANSWER =
  "I couldn't find anything about this in the knowledge base. Please ask a colleague or check the documentation directly.";

/** What an offline answer says around its extract, in the language of the question. */
const WORDING: Readonly<
  Record<TextLanguage, { noAnswer: string; hello: string; thanks: string; regards: string }>
> = {
  english: {
    noAnswer: NO_ANSWER,
    hello: 'Hello',
    thanks: 'thank you for getting in touch.',
    regards: 'Kind regards,',
  },
  german: {
    noAnswer:
      'Dazu habe ich in der Wissensdatenbank nichts gefunden. Bitte fragen Sie im Team nach oder sehen Sie direkt in der Dokumentation nach.',
    hello: 'Hallo',
    thanks: 'vielen Dank für Ihre Nachricht.',
    regards: 'Viele Grüße',
  },
  french: {
    noAnswer:
      "Je n'ai rien trouvé à ce sujet dans la base de connaissances. Demandez à un collègue ou consultez directement la documentation.",
    hello: 'Bonjour',
    thanks: 'merci pour votre message.',
    regards: 'Cordialement,',
  },
  spanish: {
    noAnswer:
      'No he encontrado nada sobre esto en la base de conocimientos. Consulte a un compañero o revise directamente la documentación.',
    hello: 'Hola',
    thanks: 'gracias por su mensaje.',
    regards: 'Saludos cordiales,',
  },
  italian: {
    noAnswer:
      'Non ho trovato nulla su questo argomento nella knowledge base. Chieda a un collega o consulti direttamente la documentazione.',
    hello: 'Buongiorno',
    thanks: 'grazie per il suo messaggio.',
    regards: 'Cordiali saluti,',
  },
  portuguese: {
    noAnswer:
      'Não encontrei nada sobre isto na base de conhecimento. Pergunte a um colega ou consulte diretamente a documentação.',
    hello: 'Olá',
    thanks: 'obrigado pela sua mensagem.',
    regards: 'Atenciosamente,',
  },
  dutch: {
    noAnswer:
      'Ik heb hierover niets gevonden in de kennisbank. Vraag het een collega of kijk direct in de documentatie.',
    hello: 'Hallo',
    thanks: 'bedankt voor uw bericht.',
    regards: 'Met vriendelijke groet,',
  },
};

export interface OfflineRequest {
  readonly question: string;
  readonly passages: readonly AnswerPassage[];
  /** Set for ticket replies: a greeting and sign-off around the extract. */
  readonly customerName?: string;
  /** The customer's language in WHMCS ("german"), for a ticket too short to show its own. */
  readonly accountLanguage?: string;
}

/**
 * Answers without a language model: from the best passages that share a word with the question,
 * quotes the sentences whose shared words weigh most, each with its citation. "Best" is
 * retrieval's score, which weighs words by rarity (a plain count of shared words would let a long
 * passage full of common ones jump ahead), and not the prompt's order, which gives every document
 * one passage before a second. The second passage is quoted only when retrieval found it at least
 * half as relevant as the first: one that shares a single common word with the question
 * ("account") would add sentences on another subject. A sentence's words weigh by their rarity
 * among the passages: the question's word that every passage contains says least about which
 * sentence answers it. Words are compared in the question's language, and a ticket reply greets
 * and signs off in it.
 */
@Injectable()
export class OfflineAnswerer {
  answer(request: OfflineRequest): string {
    const language =
      detectLanguage(request.question) ?? accountLanguage(request.accountLanguage) ?? 'english';
    const wording = WORDING[language];
    const questionTerms = new Set(searchTerms(request.question, language));
    const passageTerms = request.passages.map(
      (passage) => new Set(searchTerms(passage.text, language)),
    );
    const weights = rarityWeights(questionTerms, passageTerms);
    const chosen = this.choosePassages(request.passages, (index) =>
      [...(passageTerms[index] ?? [])].some((term) => weights.has(term)),
    );
    const body =
      chosen.length === 0
        ? wording.noAnswer
        : chosen
            .flatMap((passage) =>
              this.chooseSentences(passage.text, weights, language).map((sentence) =>
                cite(sentence, passage.index),
              ),
            )
            .join(' ');
    if (request.customerName === undefined) {
      return body;
    }
    const firstName = request.customerName.trim().split(/\s+/)[0] ?? '';
    return `${wording.hello} ${firstName},\n\n${wording.thanks} ${body}\n\n${wording.regards}`;
  }

  private choosePassages(
    passages: readonly AnswerPassage[],
    sharesQuestionWord: (index: number) => boolean,
  ): AnswerPassage[] {
    const matching = passages
      .filter((_, index) => sharesQuestionWord(index))
      .sort((a, b) => b.score - a.score);
    return matching.length > 0 ? closeToBest(matching) : passages.slice(0, 1);
  }

  private chooseSentences(
    text: string,
    weights: ReadonlyMap<string, number>,
    language: TextLanguage,
  ): string[] {
    const sentences = text
      .split(/\n+/)
      .map((line) => line.replace(/^\s*(?:#+|[-*+]|\d+[.)])\s+/, '').trim())
      .filter((line) => line.length > 0)
      .flatMap((line) => splitSentences(line));
    const ranked = sentences
      .map((sentence, position) => ({
        sentence,
        position,
        score: sharedWeight(weights, sentence, language),
      }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score || a.position - b.position)
      .slice(0, MAX_SENTENCES_PER_PASSAGE)
      .sort((a, b) => a.position - b.position)
      .map((entry) => entry.sentence);
    return ranked.length > 0 ? ranked : sentences.slice(0, MAX_SENTENCES_PER_PASSAGE);
  }
}

/*
 * WHMCS names an account's language after its language file ("german", "portuguese-br"); the
 * names a client may have been given by hand ("Deutsch", "Français") are read too.
 */
const ACCOUNT_LANGUAGES: ReadonlyMap<string, TextLanguage> = new Map([
  ['english', 'english'],
  ['german', 'german'],
  ['deutsch', 'german'],
  ['french', 'french'],
  ['français', 'french'],
  ['francais', 'french'],
  ['spanish', 'spanish'],
  ['español', 'spanish'],
  ['espanol', 'spanish'],
  ['italian', 'italian'],
  ['italiano', 'italian'],
  ['portuguese', 'portuguese'],
  ['portuguese-br', 'portuguese'],
  ['portuguese-pt', 'portuguese'],
  ['português', 'portuguese'],
  ['portugues', 'portuguese'],
  ['dutch', 'dutch'],
  ['nederlands', 'dutch'],
]);

/** A WHMCS account language ("german", "Deutsch") as a language the text tools read. */
function accountLanguage(name: string | undefined): TextLanguage | undefined {
  return name === undefined ? undefined : ACCOUNT_LANGUAGES.get(name.trim().toLowerCase());
}

/** The best passages (in that order) that retrieval's evidence finds about as relevant. */
function closeToBest(passages: readonly AnswerPassage[]): AnswerPassage[] {
  const evidence = retrievalEvidence(passages);
  const best = passages[0];
  const bar = evidence === undefined || best === undefined ? 0 : evidence(best);
  return passages
    .filter((passage) => evidence === undefined || evidence(passage) >= RELEVANCE_SHARE * bar)
    .slice(0, MAX_PASSAGES);
}

/**
 * Each question term found in the passages (given as their term sets), weighted
 * `ln(1 + passages / passages containing it)`: with one passage every term weighs the same.
 */
function rarityWeights(
  questionTerms: ReadonlySet<string>,
  passageTerms: readonly ReadonlySet<string>[],
): Map<string, number> {
  const containing = new Map<string, number>();
  for (const terms of passageTerms) {
    for (const term of terms) {
      if (questionTerms.has(term)) {
        containing.set(term, (containing.get(term) ?? 0) + 1);
      }
    }
  }
  const weights = new Map<string, number>();
  for (const [term, count] of containing) {
    weights.set(term, Math.log(1 + passageTerms.length / count));
  }
  return weights;
}

function sharedWeight(
  weights: ReadonlyMap<string, number>,
  text: string,
  language: TextLanguage,
): number {
  let total = 0;
  for (const term of new Set(searchTerms(text, language))) {
    total += weights.get(term) ?? 0;
  }
  return total;
}

/** `Restart Apache.` → `Restart Apache [1].` */
function cite(sentence: string, index: number): string {
  const match = /^(.*?)([.!?:;]*)$/su.exec(sentence);
  const body = match?.[1] ?? sentence;
  const ending = match?.[2] ?? '';
  return `${body} [${index}]${ending.length > 0 ? ending : '.'}`;
}
