import { hashString } from '../text/terms';
import type { CannedAnswerBook } from './canned-answer-book';
import type { GroundedAnswerGenerator } from './grounded-answer-generator';
import { messageText, parsePrompt } from './prompt-parser';
import type { PromptMessage } from './prompt-parser';

/** `grounded` answers from the prompt's passages; `echo` repeats the messages, for debugging. */
export type AnswerMode = 'grounded' | 'echo';

export interface AnswerRequest {
  readonly messages: readonly PromptMessage[];
  readonly model: string;
  readonly temperature: number;
  readonly seed: number | undefined;
}

export interface ComposedAnswer {
  readonly text: string;
  readonly source: 'canned' | 'grounded' | 'echo';
  readonly citations: readonly number[];
}

const LEAD_INS = [
  'Here is what the knowledge base says.',
  'Good question, here is how it works.',
  'Based on our documentation:',
  'Sure, this is covered in our help articles.',
];

/**
 * Chooses the answer text: a matching canned answer first, then the mode's answer. Above
 * temperature 0 a grounded answer opens with a lead-in picked by hashing the request, so the same
 * request (and seed) always gets the same text while different requests vary a little.
 */
export class AnswerComposer {
  constructor(
    private readonly canned: CannedAnswerBook,
    private readonly grounded: GroundedAnswerGenerator,
  ) {}

  compose(request: AnswerRequest, mode: AnswerMode): ComposedAnswer {
    const texts = request.messages.map((message) => messageText(message.content));
    const cannedText = this.canned.take(texts.join('\n'), request.model);
    if (cannedText !== undefined) {
      return { text: cannedText, source: 'canned', citations: [] };
    }
    if (mode === 'echo') {
      const lines = request.messages.map(
        (message) => `${message.role}: ${messageText(message.content)}`,
      );
      return { text: lines.join('\n\n'), source: 'echo', citations: [] };
    }
    const prompt = parsePrompt(request.messages);
    const answer = this.grounded.answer(prompt);
    if (request.temperature === 0 || answer.citations.length === 0) {
      return { ...answer, source: 'grounded' };
    }
    const key = `${request.seed ?? ''}|${request.temperature}|${prompt.question}`;
    const leadIn = LEAD_INS[hashString(key) % LEAD_INS.length] ?? '';
    return { text: `${leadIn} ${answer.text}`, source: 'grounded', citations: answer.citations };
  }
}
