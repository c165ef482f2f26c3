import MarkdownIt from 'markdown-it';

import type { Block } from './block';

type Token = MarkdownIt.Token;

const parser = new MarkdownIt('commonmark').enable('table').enable('strikethrough');
const TAG = /<[^>]*>/gu;

/**
 * Converts Markdown to structural blocks: headings keep their level, each list and table
 * becomes one block, code fences and indented code become code blocks, and HTML blocks keep
 * their text without tags. Inline markup is reduced to its text (link text, image alt text).
 */
export function markdownToBlocks(markdown: string): Block[] {
  const tokens = parser.parse(markdown, {});
  const blocks: Block[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    const end = closingIndex(tokens, i);
    const block = toBlock(token, tokens.slice(i + 1, end));
    if (block !== undefined && block.text.length > 0) {
      blocks.push(block);
    }
    i = end + 1;
  }
  return blocks;
}

function toBlock(token: Token, inner: Token[]): Block | undefined {
  switch (token.type) {
    case 'heading_open':
      return { kind: 'heading', level: Number(token.tag.slice(1)), text: inlineText(inner) };
    case 'paragraph_open':
      return { kind: 'paragraph', text: inlineText(inner) };
    case 'bullet_list_open':
    case 'ordered_list_open':
      return { kind: 'list', text: listText([token, ...inner]) };
    case 'table_open':
      return { kind: 'table', text: tableText(inner) };
    case 'blockquote_open':
      return { kind: 'quote', text: quoteText(inner) };
    case 'fence':
    case 'code_block':
      return { kind: 'code', text: token.content.replace(/\s+$/u, '') };
    case 'html_block':
      return { kind: 'paragraph', text: collapse(token.content.replace(TAG, ' ')) };
    default:
      return undefined;
  }
}

/** Index of the token that closes the one at `start` (itself for self-contained tokens). */
function closingIndex(tokens: Token[], start: number): number {
  const open = tokens[start] as Token;
  if (open.nesting !== 1) {
    return start;
  }
  for (let j = start + 1; j < tokens.length; j += 1) {
    const token = tokens[j] as Token;
    if (token.nesting === -1 && token.level === open.level) {
      return j;
    }
  }
  return tokens.length - 1;
}

function inlineText(tokens: Token[]): string {
  return collapse(
    tokens
      .filter((token) => token.type === 'inline')
      .map((token) => renderInline(token.children ?? []))
      .join(' '),
  );
}

function renderInline(children: Token[]): string {
  let text = '';
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        text += child.content;
        break;
      case 'image':
        text += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      default:
        break;
    }
  }
  return text;
}

function listText(tokens: Token[]): string {
  const lines: string[] = [];
  const counters: (number | undefined)[] = [];
  let current: string | undefined;
  const flush = (): void => {
    if (current !== undefined && current.trim().length > 0) {
      lines.push(current.replace(/\s+$/u, ''));
    }
    current = undefined;
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'bullet_list_open':
        counters.push(undefined);
        break;
      case 'ordered_list_open':
        counters.push(Number(token.attrGet('start') ?? 1));
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        counters.pop();
        break;
      case 'list_item_open': {
        flush();
        const depth = counters.length - 1;
        const counter = counters[depth];
        const marker = counter === undefined ? '-' : `${counter}.`;
        if (counter !== undefined) {
          counters[depth] = counter + 1;
        }
        current = `${'  '.repeat(depth)}${marker} `;
        break;
      }
      case 'inline':
        current = appendPart(current, collapse(renderInline(token.children ?? [])));
        break;
      case 'fence':
      case 'code_block':
        current = appendPart(current, token.content.trim());
        break;
      default:
        break;
    }
  }
  flush();
  return lines.join('\n');
}

function appendPart(line: string | undefined, part: string): string {
  if (line === undefined) {
    return part;
  }
  return line.endsWith(' ') ? line + part : `${line} ${part}`;
}

function tableText(tokens: Token[]): string {
  const rows: string[] = [];
  let cells: string[] = [];
  for (const token of tokens) {
    if (token.type === 'tr_open') {
      cells = [];
    } else if (token.type === 'inline') {
      cells.push(collapse(renderInline(token.children ?? [])));
    } else if (token.type === 'tr_close' && cells.some((cell) => cell.length > 0)) {
      rows.push(cells.join(' | '));
    }
  }
  return rows.join('\n');
}

function quoteText(tokens: Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === 'inline') {
      parts.push(collapse(renderInline(token.children ?? [])));
    } else if (token.type === 'fence' || token.type === 'code_block') {
      parts.push(token.content.trim());
    }
  }
  return parts.filter((part) => part.length > 0).join('\n');
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
