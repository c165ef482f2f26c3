import type { Block } from './block';

const BLANK_LINE = /\n[ \t]*\n/u;
const LIST_ITEM = /^\s*(?:[-*•·▪‣◦]|\d{1,3}[.)])\s+\S/u;
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2})+|\d{1,2})\.?\s+\p{Lu}/u;
const LOWERCASE_WORD = /^\p{Ll}{4,}$/u;
const SENTENCE_END = /[.,;:!?…]$/u;
const MAX_HEADING_WORDS = 10;
const MAX_HEADING_CHARS = 80;

/**
 * Converts plain text to blocks: paragraphs are separated by blank lines, a paragraph whose
 * lines are all list items becomes a list, and a single short line becomes a heading only when
 * it is plainly one (see `headingLevel`), so ordinary prose is never promoted by mistake.
 */
export function plainTextToBlocks(text: string): Block[] {
  const paragraphs = text
    .replace(/\r\n?/gu, '\n')
    .split(BLANK_LINE)
    .map((paragraph) => paragraph.replace(/^\s*\n|\s+$/gu, ''))
    .filter((paragraph) => paragraph.trim().length > 0);
  return paragraphs.map((paragraph, i): Block => {
    const lines = paragraph.split('\n');
    const level = i < paragraphs.length - 1 ? headingLevel(lines) : undefined;
    if (level !== undefined) {
      return { kind: 'heading', level, text: paragraph.trim() };
    }
    if (lines.every((line) => LIST_ITEM.test(line))) {
      return { kind: 'list', text: lines.map((line) => line.trim()).join('\n') };
    }
    return { kind: 'paragraph', text: paragraph.replace(/\s+/gu, ' ').trim() };
  });
}

/**
 * A heading is a single line of at most 10 words, without final punctuation, not a list item,
 * followed by more text, and either numbered (`2.1 Installing cPanel`, level = depth) or in
 * title case: it starts with a capital and no word of four or more letters is all lowercase
 * (upper-case lines are level 1, other title lines level 2). Sentence-case headings stay
 * paragraphs: a missed heading costs less than prose promoted to a heading.
 */
function headingLevel(lines: string[]): number | undefined {
  const line = lines[0]?.trim() ?? '';
  if (
    lines.length !== 1 ||
    line.length > MAX_HEADING_CHARS ||
    line.split(/\s+/u).length > MAX_HEADING_WORDS ||
    SENTENCE_END.test(line) ||
    LIST_ITEM.test(line)
  ) {
    return undefined;
  }
  const numbered = NUMBERED_HEADING.exec(line);
  if (numbered !== null) {
    return (numbered[1] ?? '').split('.').length;
  }
  const words = line.split(/\s+/u);
  if (!/^\p{Lu}/u.test(line) || words.some((word) => LOWERCASE_WORD.test(word))) {
    return undefined;
  }
  return line === line.toUpperCase() ? 1 : 2;
}
