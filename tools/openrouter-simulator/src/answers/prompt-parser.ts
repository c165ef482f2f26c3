/** A chat message as it arrives; `content` is a string, an array of parts or null. */
export interface PromptMessage {
  readonly role: string;
  readonly content?: unknown;
}

/** A numbered knowledge-base passage found in the prompt, `[n] text`. */
export interface Passage {
  readonly number: number;
  readonly text: string;
}

export interface ParsedPrompt {
  readonly passages: readonly Passage[];
  readonly question: string;
}

const PASSAGE_START = /^\s*(?:[-*]\s*)?\[(\d{1,4})\][:.)]?\s*(.*)$/;
const QUESTION_MARKER = /^\s*(?:[\w'’]+\s+){0,3}(?:question|query|ticket)\s*:\s*(.*)$/i;
const SEPARATOR = /^\s*(?:-{3,}|={3,}|<\/?[\w-]+[^>]*>)\s*$/;
/** A passage may open with where it comes from, `(Source: Title › Heading)`; not answer text. */
const SOURCE_LABEL = /^\s*\(source:[^)]*\)\s*/i;
/** An opening tag on its own line whose name says it holds the question, e.g. `<question>`. */
const QUESTION_TAG = /^\s*<([\w-]*(?:question|query|ticket)[\w-]*)(?:\s[^>]*)?>\s*$/i;
const PASSAGE_ROLES = new Set(['system', 'developer', 'user', 'tool']);

/** The text of a message: a string, or the `text` parts of a multi-part content joined. */
export function messageText(content: unknown): string {
  if (typeof content === 'string') {
    return content;
  }
  if (!Array.isArray(content)) {
    return '';
  }
  return content
    .map((part: unknown) =>
      typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string'
        ? part.text
        : '',
    )
    .filter((text) => text.length > 0)
    .join('\n');
}

interface Scan {
  readonly passages: Passage[];
  readonly rest: string[];
  question: string | undefined;
}

/**
 * Reads passages and the question from the messages. A passage starts at a line `[n] …` and runs
 * until the next passage, a `Question:` line, a separator (`---`, an XML-like tag) or the end of
 * the message. The question is the text after a `Question:` marker (up to three words may precede
 * it, as in "Answer the customer's question:") in the last user message, else what that message
 * says outside its passages, else the text after a marker in an earlier message.
 */
export function parsePrompt(messages: readonly PromptMessage[]): ParsedPrompt {
  const byNumber = new Map<number, Passage>();
  let lastUserQuestion: string | undefined;
  let lastUserRest = '';
  let earlierQuestion: string | undefined;
  for (const message of messages) {
    if (!PASSAGE_ROLES.has(message.role)) {
      continue;
    }
    const scan = scanMessage(messageText(message.content));
    for (const passage of scan.passages) {
      byNumber.set(passage.number, passage);
    }
    earlierQuestion = lastUserQuestion ?? earlierQuestion;
    if (message.role === 'user') {
      lastUserQuestion = scan.question;
      lastUserRest = scan.rest.join('\n').trim();
    } else {
      earlierQuestion = scan.question ?? earlierQuestion;
    }
  }
  const passages = [...byNumber.values()].sort((a, b) => a.number - b.number);
  const question = lastUserQuestion ?? (lastUserRest || undefined) ?? earlierQuestion ?? '';
  return { passages, question: question.trim() };
}

function scanMessage(text: string): Scan {
  const scan: Scan = { passages: [], rest: [], question: undefined };
  let current: { number: number; lines: string[] } | undefined;
  let questionLines: string[] | undefined;
  // Inside `<question>…</question>` every line is question text, even one that looks like `[1]`.
  let insideQuestionTag = false;
  const closePassage = (): void => {
    if (current) {
      const body = current.lines.join(' ').replace(/\s+/g, ' ').replace(SOURCE_LABEL, '').trim();
      if (body.length > 0) {
        scan.passages.push({ number: current.number, text: body });
      }
      current = undefined;
    }
  };
  for (const line of text.split(/\r?\n/)) {
    const passageStart = PASSAGE_START.exec(line);
    const questionStart = QUESTION_MARKER.exec(line);
    const questionTag = QUESTION_TAG.exec(line);
    if (insideQuestionTag && !SEPARATOR.test(line)) {
      questionLines?.push(line);
    } else if (questionTag) {
      closePassage();
      insideQuestionTag = true;
      questionLines = [];
      scan.question = '';
    } else if (passageStart) {
      closePassage();
      questionLines = undefined;
      current = { number: Number(passageStart[1]), lines: [passageStart[2] ?? ''] };
    } else if (questionStart) {
      closePassage();
      questionLines = [questionStart[1] ?? ''];
      scan.question = '';
    } else if (SEPARATOR.test(line)) {
      closePassage();
      insideQuestionTag = false;
      questionLines = undefined;
    } else if (current) {
      current.lines.push(line);
    } else if (questionLines) {
      questionLines.push(line);
    } else {
      scan.rest.push(line);
    }
    if (questionLines) {
      scan.question = questionLines.join('\n').trim();
    }
  }
  closePassage();
  return scan;
}
